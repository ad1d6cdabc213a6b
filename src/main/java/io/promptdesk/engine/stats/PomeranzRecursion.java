package io.promptdesk.engine.stats;

import java.util.Arrays;

/**
 * P(D_n &lt;= x) by Pomeranz's recursion (1974): each row is the convolution of the previous one with Poisson-like
 * weights, scaled by powers of 2 against underflow. A port of SciPy's {@code _kolmogn_Pomeranz}.
 */
final class PomeranzRecursion {

    private static final int E128 = 128;
    private static final double EP128 = Math.scalb(1.0, E128);
    private static final double EM128 = Math.scalb(1.0, -E128);

    private PomeranzRecursion() {
    }

    static double cdf(int n, double x) {
        double t = n * x;
        int ll = (int) Math.floor(t);
        double f = t - ll;
        double g = Math.min(f, 1.0 - f);
        int ceilf = f > 0 ? 1 : 0;
        int roundf = f > 0.5 ? 1 : 0;
        int npwrs = 2 * (ll + 1);
        double[] gpower = new double[npwrs];
        double[] twogpower = new double[npwrs];
        double[] onem2gpower = new double[npwrs];
        gpower[0] = 1.0;
        twogpower[0] = 1.0;
        onem2gpower[0] = 1.0;
        double gOverN = g / n;
        double twoGOverN = 2 * g / n;
        double oneMinusTwoGOverN = (1 - 2 * g) / n;
        for (int m = 1; m < npwrs; m++) {
            gpower[m] = gpower[m - 1] * gOverN / m;
            twogpower[m] = twogpower[m - 1] * twoGOverN / m;
            onem2gpower[m] = onem2gpower[m - 1] * oneMinusTwoGOverN / m;
        }
        double[] v0 = new double[npwrs];
        double[] v1 = new double[npwrs];
        v1[0] = 1;
        int v0s = 0;
        int v1s = 0;
        int exponent = 0;
        int[] range = bounds(0, n, ll, ceilf, roundf);
        int j1 = range[0];
        for (int i = 1; i < 2 * n + 2; i++) {
            int k1 = j1;
            double[] swap = v0;
            v0 = v1;
            v1 = swap;
            int swapStart = v0s;
            v0s = v1s;
            v1s = swapStart;
            Arrays.fill(v1, 0.0);
            range = bounds(i, n, ll, ceilf, roundf);
            j1 = range[0];
            int j2 = range[1];
            double[] pwrs = (i == 1 || i == 2 * n + 1) ? gpower : (i % 2 == 1 ? twogpower : onem2gpower);
            int ln2 = j2 - k1 + 1;
            if (ln2 > 0) {
                int segStart = k1 - v0s;
                int segLen = Math.min(ln2, npwrs - segStart);
                int pwLen = Math.min(ln2, npwrs);
                int convStart = j1 - k1;
                int convLen = j2 - j1 + 1;
                double max = 0;
                for (int q = 0; q < convLen; q++) {
                    int c = convStart + q;
                    double sum = 0;
                    int lo = Math.max(0, c - pwLen + 1);
                    int hi = Math.min(c, segLen - 1);
                    for (int a = lo; a <= hi; a++) {
                        sum += v0[segStart + a] * pwrs[c - a];
                    }
                    v1[q] = sum;
                    max = Math.max(max, sum);
                }
                if (0 < max && max < EM128) {
                    for (int q = 0; q < convLen; q++) {
                        v1[q] *= EP128;
                    }
                    exponent -= E128;
                }
                v1s = v0s + j1 - k1;
            }
        }
        double ans = v1[n - v1s];
        for (int m = 1; m <= n; m++) {
            if (Math.abs(ans) > EP128) {
                ans *= EM128;
                exponent += E128;
            }
            ans *= m;
        }
        if (exponent != 0) {
            ans = Math.scalb(ans, exponent);
        }
        return KolmogorovDistribution.clip(ans);
    }

    /** The interval of row i that can be non-zero, as SciPy's {@code _pomeranz_compute_j1j2}. */
    private static int[] bounds(int i, int n, int ll, int ceilf, int roundf) {
        int j1;
        int j2;
        if (i == 0) {
            j1 = -ll - ceilf - 1;
            j2 = ll + ceilf - 1;
        } else {
            int ip1div2 = (i + 1) / 2;
            int ip1mod2 = (i + 1) % 2;
            if (ip1mod2 == 0) {
                if (ip1div2 == n + 1) {
                    j1 = n - ll - ceilf - 1;
                    j2 = n + ll + ceilf - 1;
                } else {
                    j1 = ip1div2 - 1 - ll - roundf - 1;
                    j2 = ip1div2 + ll - 1 + ceilf - 1;
                }
            } else {
                j1 = ip1div2 - 1 - ll - 1;
                j2 = ip1div2 + ll + roundf - 1;
            }
        }
        return new int[]{Math.max(j1 + 2, 0), Math.min(j2, n)};
    }
}
