package io.promptdesk.engine.stats;

/**
 * The two-sided one-sample Kolmogorov-Smirnov distribution (SciPy's {@code kstwo}), whose survival function is
 * the asymptotic p-value of {@code ks_2samp}. A port of SciPy 1.10's {@code _kolmogn(n, x, cdf=False)}: Simard and
 * L'Ecuyer's choice between Ruben-Gambino's closed forms, Durbin's matrix (Marsaglia-Tsang-Wang), Pomeranz's
 * recursion, twice the one-sided Smirnov tail and the Pelz-Good expansion. The approximations (Pelz-Good and the
 * doubled one-sided tail) are SciPy's choices too, so the p-values agree with SciPy and not only with the truth.
 */
final class KolmogorovDistribution {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double[] STIRLING = {-2.955065359477124183e-2, 6.4102564102564102564e-3,
            -1.9175269175269175269e-3, 8.4175084175084175084e-4, -5.952380952380952381e-4,
            7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2};

    private KolmogorovDistribution() {
    }

    /** P(D_n &gt;= x) for a sample of n; NaN when n is not a positive integer. */
    static double sf(double x, double n) {
        return probability(x, n, false);
    }

    /** P(D_n &lt;= x). */
    static double cdf(double x, double n) {
        return probability(x, n, true);
    }

    private static double probability(double x, double nd, boolean cdf) {
        if (Double.isNaN(nd) || Double.isNaN(x) || nd <= 0 || nd != Math.rint(nd) || nd > Integer.MAX_VALUE) {
            return Double.NaN;
        }
        int n = (int) nd;
        if (x >= 1.0) {
            return select(1.0, 0.0, cdf);
        }
        if (x <= 0.0) {
            return select(0.0, 1.0, cdf);
        }
        double t = n * x;
        if (t <= 1.0) {
            if (t <= 0.5) {
                return select(0.0, 1.0, cdf);
            }
            double prob;
            if (n <= 140) {
                prob = 1;
                for (int i = 1; i <= n; i++) {
                    prob *= i * (1.0 / n) * (2 * t - 1);
                }
            } else {
                prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
            }
            return select(prob, 1.0 - prob, cdf);
        }
        if (t >= n - 1) {
            double prob = 2 * Math.pow(1.0 - x, n);
            return select(1 - prob, prob, cdf);
        }
        if (x >= 0.5) {
            double prob = 2 * SmirnovDistribution.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        double nxSquared = t * x;
        if (n <= 140) {
            if (nxSquared <= 0.754693) {
                double prob = DurbinMatrix.cdf(n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            if (nxSquared <= 4) {
                double prob = PomeranzRecursion.cdf(n, x);
                return select(prob, 1.0 - prob, cdf);
            }
            double prob = 2 * SmirnovDistribution.sf(n, x);
            return select(1.0 - prob, prob, cdf);
        }
        if (!cdf) {
            if (nxSquared >= 370.0) {
                return 0.0;
            }
            if (nxSquared >= 2.2) {
                return clip(2 * SmirnovDistribution.sf(n, x));
            }
        }
        double cdfProb;
        if (nxSquared >= 18.0) {
            cdfProb = 1.0;
        } else if (n <= 100_000 && n * Math.pow(x, 1.5) <= 1.4) {
            cdfProb = DurbinMatrix.cdf(n, x);
        } else {
            cdfProb = PelzGood.cdf(n, x);
        }
        return select(cdfProb, 1.0 - cdfProb, cdf);
    }

    /** log(n! / n^n) by Stirling's series with n log n removed up front. */
    static double logFactorialOverPower(int n) {
        double rn = 1.0 / n;
        double poly = 0;
        for (double c : STIRLING) {
            poly = poly * (rn / n) + c;
        }
        return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
    }

    private static double select(double cdfProb, double sfProb, boolean cdf) {
        return clip(cdf ? cdfProb : sfProb);
    }

    static double clip(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
