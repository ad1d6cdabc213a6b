package io.promptdesk.engine.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Percentile-bootstrap intervals for differences of percentiles, b minus a, from a seeded generator.
 *
 * <p>A resample of n values drawn with replacement has the same order statistics as F_n^{-1}(U_(k)), where
 * U_(k) ~ Beta(k, n - k + 1) is the k-th of n uniforms and F_n^{-1} reads the sorted sample. So each resampled
 * percentile is drawn from two order statistics directly, in O(1) instead of O(n): the same bootstrap
 * distribution, affordable at ten million values.
 */
final class PercentileBootstrap {

    private final int resamples;
    private final double level;
    private final long seed;

    PercentileBootstrap(int resamples, double level, long seed) {
        this.resamples = resamples;
        this.level = level;
        this.seed = seed;
    }

    /** One row per percentile (in 0..100), b - a with its interval; intervals are NaN for fewer than 2 resamples. */
    List<DistributionComparison.PercentileDifference> differences(SortedSample a, SortedSample b,
                                                                  double[] percentiles) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] diffs = new double[percentiles.length][resamples];
        for (int r = 0; r < resamples; r++) {
            for (int p = 0; p < percentiles.length; p++) {
                double q = percentiles[p] / 100;
                diffs[p][r] = resampledQuantile(b, q, rng) - resampledQuantile(a, q, rng);
            }
        }
        List<DistributionComparison.PercentileDifference> rows = new ArrayList<>();
        for (int p = 0; p < percentiles.length; p++) {
            double q = percentiles[p] / 100;
            double qa = a.quantile(q);
            double qb = b.quantile(q);
            double[] sorted = diffs[p];
            Arrays.sort(sorted);
            SortedSample bootstrap = SortedSample.ofSorted(sorted);
            double lower = resamples > 1 ? bootstrap.quantile((1 - level) / 2) : Double.NaN;
            double upper = resamples > 1 ? bootstrap.quantile(1 - (1 - level) / 2) : Double.NaN;
            rows.add(new DistributionComparison.PercentileDifference(percentiles[p], qa, qb, qb - qa, lower, upper));
        }
        return rows;
    }

    /** NumPy's linear percentile q of one resample of {@code s}, drawn through its two order statistics. */
    static double resampledQuantile(SortedSample s, double q, RandomGenerator rng) {
        int n = s.size();
        double h = q * (n - 1);
        int lo = (int) Math.floor(h);
        double frac = h - lo;
        int k = lo + 1; // 1-based order statistic
        double uk = beta(k, n - k + 1, rng);
        double xk = s.get(index(uk, n));
        if (frac == 0 || k >= n) {
            return xk;
        }
        // given U_(k) = u, the next order statistic is the least of n - k uniforms on (u, 1)
        double gap = -Math.expm1(Math.log1p(-rng.nextDouble()) / (n - k));
        double uk1 = uk + (1 - uk) * gap;
        return SortedSample.lerp(xk, s.get(index(uk1, n)), frac);
    }

    /** Beta(a, b) as G_a / (G_a + G_b), for shapes of at least 1. */
    static double beta(double a, double b, RandomGenerator rng) {
        double x = gamma(a, rng);
        return x / (x + gamma(b, rng));
    }

    /** Gamma(shape, 1) for shape &gt;= 1 by Marsaglia and Tsang's squeeze method (2000). */
    static double gamma(double shape, RandomGenerator rng) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = rng.nextDouble();
            if (u < 1 - 0.0331 * z * z * z * z || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static int index(double u, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.ceil(n * u) - 1));
    }
}
