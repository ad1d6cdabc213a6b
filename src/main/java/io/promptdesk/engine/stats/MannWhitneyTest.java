package io.promptdesk.engine.stats;

import org.apache.commons.math3.special.Erf;

/**
 * SciPy 1.10's {@code mannwhitneyu(current, baseline, alternative, method='auto')}.
 *
 * <p>Commons Math's {@code MannWhitneyUTest} differs from SciPy: it reports max(U1, U2), is two-sided only, has
 * neither tie nor continuity correction nor an exact method, and overflows an int past 46,340 values. So only
 * the normal tail comes from Commons Math here: 'auto' picks the exact distribution when a group has at most 8
 * values and nothing is tied, otherwise the normal approximation with tie and continuity correction.
 */
final class MannWhitneyTest {

    static final int EXACT_MAX_SIZE = 8;

    private MannWhitneyTest() {
    }

    enum Method { EXACT, ASYMPTOTIC }

    /** U of current (SciPy's statistic), the p-value, the method used, and z for the asymptotic method. */
    record Result(double u, double pValue, Method method, double z) {
    }

    static Method chooseMethod(PooledScan scan) {
        boolean small = scan.nCurrent() <= EXACT_MAX_SIZE || scan.nBaseline() <= EXACT_MAX_SIZE;
        return small && !scan.hasTies() ? Method.EXACT : Method.ASYMPTOTIC;
    }

    static Result test(PooledScan scan, Alternative alternative) {
        Method method = chooseMethod(scan);
        if (method == Method.EXACT && !MannWhitneyExact.feasible(tailStatistic(scan, alternative),
                scan.nCurrent(), scan.nBaseline())) {
            method = Method.ASYMPTOTIC;
        }
        return test(scan, alternative, method, true);
    }

    static Result test(PooledScan scan, Alternative alternative, Method method, boolean continuity) {
        double u1 = scan.uCurrent();
        double u = tailStatistic(scan, alternative);
        double factor = alternative == Alternative.TWO_SIDED ? 2 : 1;
        if (method == Method.EXACT) {
            double p = MannWhitneyExact.sf(Math.round(u), scan.nCurrent(), scan.nBaseline());
            return new Result(u1, clip(p * factor), method, Double.NaN);
        }
        double z = z(scan, u, continuity);
        return new Result(u1, clip(normalSf(z) * factor), method, z);
    }

    /** The U whose upper tail is the p-value: U1 for greater, U2 for less, the larger for two-sided. */
    private static double tailStatistic(PooledScan scan, Alternative alternative) {
        return switch (alternative) {
            case GREATER -> scan.uCurrent();
            case LESS -> scan.uBaseline();
            case TWO_SIDED -> Math.max(scan.uCurrent(), scan.uBaseline());
        };
    }

    /** SciPy's {@code _get_mwu_z}, term for term. */
    static double z(PooledScan scan, double u, boolean continuity) {
        double n1 = scan.nCurrent();
        double n2 = scan.nBaseline();
        double mu = n1 * n2 / 2;
        double n = n1 + n2;
        double s = Math.sqrt(n1 * n2 / 12 * ((n + 1) - scan.tieTerm() / (n * (n - 1))));
        double numerator = u - mu;
        if (continuity) {
            numerator -= 0.5;
        }
        return numerator / s;
    }

    /** P(Z &gt; z) for a standard normal Z. */
    static double normalSf(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    private static double clip(double p) {
        return Double.isNaN(p) ? p : Math.max(0, Math.min(1, p));
    }
}
