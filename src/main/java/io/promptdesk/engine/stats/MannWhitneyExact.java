package io.promptdesk.engine.stats;

/**
 * The exact null distribution of the Mann-Whitney U for samples of sizes m and n without ties, as SciPy's
 * {@code method='exact'}: P(U &gt;= u).
 *
 * <p>The number of arrangements with U = k is the coefficient of q^k in the Gaussian binomial
 * [m+n choose s]_q = prod_{i=1..s} (1 - q^{L+i}) / (1 - q^i), with s the smaller and L the larger size. Each factor
 * costs one pass over the coefficients up to k, so the whole distribution costs O(s * k) time and O(k) memory
 * (SciPy's recursion needs far more, and ran out of memory at 5 against 5,000). The distribution is symmetric, so
 * only the lower tail up to min(u, mn - u) is ever formed.
 */
final class MannWhitneyExact {

    /** Beyond this many coefficients the caller falls back to the normal approximation. */
    static final long MAX_TERMS = 1L << 24;

    private MannWhitneyExact() {
    }

    /** True when the lower tail needed for {@code sf(u, m, n)} is small enough to form. */
    static boolean feasible(double u, int m, int n) {
        double mn = (double) m * n;
        return Math.min(u, mn - u) < MAX_TERMS;
    }

    /** P(U &gt;= u) under the null hypothesis, u an integer in [0, mn]. */
    static double sf(long u, int m, int n) {
        long mn = (long) m * n;
        if (u <= 0) {
            return 1;
        }
        if (u > mn) {
            return 0;
        }
        // By symmetry P(U >= u) = P(U <= mn - u); the upper branch keeps small p-values accurate.
        if (2 * u > mn) {
            return cdf(mn - u, m, n);
        }
        return 1 - cdf(u - 1, m, n);
    }

    /** P(U &lt;= k). */
    static double cdf(long k, int m, int n) {
        if (k < 0) {
            return 0;
        }
        int small = Math.min(m, n);
        int large = Math.max(m, n);
        int top = (int) k;
        double[] c = new double[top + 1];
        c[0] = 1;
        for (int i = 1; i <= small; i++) {
            int drop = large + i;
            for (int d = top; d >= drop; d--) {
                c[d] -= c[d - drop];
            }
            for (int d = i; d <= top; d++) {
                c[d] += c[d - i];
            }
        }
        double total = 0;
        for (int d = 0; d <= top; d++) {
            total += c[d];
        }
        return Math.min(1, total / binomial(large + small, small));
    }

    /** C(a, b) as a double, b small. */
    private static double binomial(int a, int b) {
        double result = 1;
        for (int i = 1; i <= b; i++) {
            result = result * (a - b + i) / i;
        }
        return result;
    }
}
