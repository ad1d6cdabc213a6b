package io.promptdesk.engine.stats;

import java.util.Arrays;

/**
 * SciPy 1.10's two-sample {@code ks_2samp(current, baseline)} with its default {@code method='auto'}: the exact
 * distribution when both groups have at most 10,000 values, otherwise the asymptotic one (the one-sample
 * Kolmogorov distribution at n = round(n1 n2 / (n1 + n2))).
 *
 * <p>Commons Math's {@code KolmogorovSmirnovTest} breaks ties with seeded random jitter and so gives another
 * statistic and p-value whenever values repeat; its exact method is also another algorithm. This class ports
 * SciPy's: D from one merge walk over the sorted groups ({@link PooledScan}), the p-value from Hodges' lattice
 * path counts (with Viehmann's recursion for 1 - p), or from {@link KolmogorovDistribution}.
 *
 * <p>Note the direction: {@code statistic_sign = -1} means ECDF(current) lies below ECDF(baseline) at the
 * location, i.e. current values are larger.
 */
final class KolmogorovSmirnovTest {

    static final int MAX_AUTO_N = 10_000;

    private KolmogorovSmirnovTest() {
    }

    enum Method { EXACT, ASYMPTOTIC }

    record Result(double statistic, double pValue, Method method, double location, int sign) {
    }

    static Result twoSided(PooledScan scan) {
        Method method = Math.max(scan.nCurrent(), scan.nBaseline()) <= MAX_AUTO_N ? Method.EXACT : Method.ASYMPTOTIC;
        return twoSided(scan, method);
    }

    static Result twoSided(PooledScan scan, Method method) {
        double minS = Math.max(0, Math.min(1, -scan.ksMin()));
        double maxS = scan.ksMax();
        double d;
        double location;
        int sign;
        if (minS > maxS) {
            d = minS;
            location = scan.ksMinLocation();
            sign = -1;
        } else {
            d = maxS;
            location = scan.ksMaxLocation();
            sign = 1;
        }
        int n1 = scan.nCurrent();
        int n2 = scan.nBaseline();
        if (method == Method.EXACT) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * n2;
            long h = (long) Math.rint(d * lcm);
            double exactD = (double) h / lcm;
            if (h == 0) {
                return new Result(exactD, 1.0, method, location, sign);
            }
            double p = n1 == n2 ? probOutsideSquare(n1, h) : outerProbInsideMethod(n1, n2, g, h);
            if (p >= 0 && p <= 1) {
                return new Result(exactD, p, method, location, sign);
            }
            // SciPy falls back to the asymptotic distribution when the exact sum fails numerically
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        double en = m * n / (m + n);
        double p = KolmogorovDistribution.sf(d, Math.rint(en));
        return new Result(d, Math.max(0, Math.min(1, p)), Method.ASYMPTOTIC, location, sign);
    }

    /** P(D_{n,n} &gt;= h/n) by the alternating sum, evaluated Horner-like to avoid cancellation. */
    static double probOutsideSquare(long n, long h) {
        double p = 0;
        long k = n / h;
        while (k >= 0) {
            double p1 = 1;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1 - p);
            k--;
        }
        return 2 * p;
    }

    /**
     * The proportion of lattice paths from (0, 0) to (m, n) that leave the band |x/m - y/n| &lt; h / lcm(m, n),
     * computed column by column as 1 - (inside proportion) directly (Viehmann 2021).
     */
    static double outerProbInsideMethod(long m, long n, long g, long h) {
        if (m < n) {
            long swap = m;
            m = n;
            n = swap;
        }
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min(ceilDiv(h, mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        for (int x = (int) minj; x < maxj; x++) {
            a[x] = 0;
        }
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max(Math.floorDiv(ng * i - h, mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min(ceilDiv(ng * i + h, mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                long end = Math.min(maxj - minj + (lastlen - curlen), lenA); // a Python slice stops at the end
                for (long x = maxj - minj; x < end; x++) {
                    a[(int) x] = 1;
                }
            }
        }
        return a[(int) (maxj - minj - 1)];
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
