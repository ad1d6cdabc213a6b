package io.promptdesk.engine.stats;

/**
 * The one-sided Kolmogorov-Smirnov (Smirnov) survival function P(D_n^+ &gt;= x), SciPy's {@code smirnov(n, x)},
 * which {@link KolmogorovDistribution} doubles for large deviations. Birnbaum and Tingey's finite sum, taken from
 * the upper end when that has only a few terms, with cephes' special cases and its approximation
 * exp(-(6nx+1)^2 / 18n) beyond n = 1,000,000. Terms are formed in logarithms with the fractional part of nx kept
 * exactly (cephes uses double-double arithmetic for the same purpose), good to about 1e-10 relative at n = 1e6.
 */
final class SmirnovDistribution {

    static final int MAX_COMPUTE_N = 1_000_000;
    private static final double MIN_LOG = -708.3964185322641;
    private static final double EPSILON = Math.ulp(1.0);

    private SmirnovDistribution() {
    }

    static double sf(int n, double x) {
        if (!(n > 0 && x >= 0.0 && x <= 1.0)) {
            return Double.NaN;
        }
        if (n == 1) {
            return 1 - x;
        }
        if (x == 0.0) {
            return 1.0;
        }
        if (x == 1.0) {
            return 0.0;
        }
        // n*x = nxHi + nxLo exactly; its floor and fractional part alpha from the exact sum
        double nxHi = n * x;
        double nxLo = Math.fma(n, x, -nxHi);
        double floor = Math.floor(nxHi);
        double alpha = (nxHi - floor) + nxLo;
        if (alpha < 0) {
            floor -= 1;
            alpha += 1;
        }
        if (alpha >= 1) {
            floor += 1;
            alpha = 0;
        }
        int nxfl = (int) floor;
        int n1mxfl = n - nxfl - (alpha == 0 ? 0 : 1);
        int n1mxceil = n - nxfl;
        if (alpha == 0) {
            n1mxfl -= 1;
            n1mxceil += 1;
        }
        if (nxfl == 0 || (nxfl == 1 && alpha == 0)) {
            double cdf = x * Math.pow(1 + x, n - 1);
            return clip(1 - cdf);
        }
        if (-2 * n * x * x < MIN_LOG) {
            return 0;
        }
        if (nxfl >= n - 1) {
            return clip(Math.pow(1 - x, n));
        }
        if (n > MAX_COMPUTE_N) {
            double logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
            return clip(logp < -Math.log(2) ? Math.exp(logp) : 1 - (-Math.expm1(logp)));
        }
        int nUpperTerms = n - n1mxceil + 1;
        boolean upper = (nUpperTerms <= 1 && x < 0.5)
                || (n >= 10 && nUpperTerms <= 3 && x <= 0.5 / Math.sqrt(n));
        int start = upper ? n : 0;
        int step = upper ? -1 : 1;
        int terms = upper ? n - n1mxceil + 1 : n1mxfl + 1;
        double logBinomial = 0; // log C(n, v), updated as v moves, with compensation over a million steps
        double logBinomialComp = 0;
        double sum = 0;
        for (int j = 0; j < terms; j++) {
            int v = start + j * step;
            double term = term(logBinomial, n, v, nxHi, nxLo);
            sum += term;
            if (term != 0) {
                if (4.0 * (terms - j) * Math.abs(term) < EPSILON * sum && j != terms - 1) {
                    break;
                }
            } else if (j > n / 2) {
                break;
            }
            // C(n, v +/- 1) from C(n, v)
            double ratio = upper ? Math.log((double) v / (n - v + 1)) : Math.log((double) (n - v) / (v + 1));
            double y = ratio - logBinomialComp;
            double t = logBinomial + y;
            logBinomialComp = (t - logBinomial) - y;
            logBinomial = t;
        }
        double prob = x * sum;
        return clip(upper ? 1 - prob : prob);
    }

    /**
     * C(n, v) (1 - x - v/n)^(n-v) (x + v/n)^(v-1), from logarithms, with 1 - x - v/n formed without cancellation;
     * that base can be a hair below 0 when nx is an integer plus a rounding remainder, as in cephes.
     */
    private static double term(double logBinomial, int n, int v, double nxHi, double nxLo) {
        double below = ((n - v) - nxHi - nxLo) / n; // (n - v - nx)/n
        double above = (v + nxHi + nxLo) / n;
        int power = n - v;
        double logAbove = (v - 1) * Math.log(above);
        if (power == 0) {
            return Math.exp(logBinomial + logAbove);
        }
        if (below == 0) {
            return 0;
        }
        double sign = below < 0 && power % 2 == 1 ? -1 : 1;
        // below = 1 - above exactly, and log1p keeps the small logarithm accurate when raised to a large power
        double logBelow = above < 0.5 ? Math.log1p(-above) : Math.log(Math.abs(below));
        return sign * Math.exp(logBinomial + logAbove + power * logBelow);
    }

    private static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
