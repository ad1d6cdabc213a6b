package io.promptdesk.engine.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * Student's t distribution with tails accurate to a few ulps for any degrees of freedom.
 *
 * <p>Commons Math's {@code TDistribution} forms {@code x = df / (df + t^2)} and takes {@code log(x)}, which loses
 * about {@code df * 1e-16} in the exponent: at df = 2e7 its tail is off by 5e-9 relative, at 1e9 by 5e-7. Here the
 * logarithms come from {@code log1p(t^2/df)} and the incomplete beta uses Commons Math's continued fraction and
 * {@link Beta#logBeta} with that accurate prefactor. Its inverse is too coarse for confidence bounds (absolute
 * accuracy 1e-9), so quantiles are polished by Newton steps on the accurate tail.
 */
final class StudentT {

    private static final double CF_EPSILON = 1e-15;

    private StudentT() {
    }

    /** P(T > t) for {@code df > 0}; NaN in, NaN out. */
    static double sf(double t, double df) {
        if (Double.isNaN(t) || Double.isNaN(df) || df <= 0) {
            return Double.NaN;
        }
        if (t == 0) {
            return 0.5;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0 : 1;
        }
        double half = 0.5 * twoTail(Math.abs(t), df);
        return t > 0 ? half : 1 - half;
    }

    /** P(|T| > |t|). */
    static double twoTail(double absT, double df) {
        double r = absT * absT / df;
        if (Double.isInfinite(r)) {
            return 0;
        }
        double a = df / 2;
        double b = 0.5;
        double logX = -Math.log1p(r);              // x = df / (df + t^2)
        double logY = Math.log(r) - Math.log1p(r); // y = 1 - x, never formed by subtraction
        double x = 1 / (1 + r);
        double y = r / (1 + r);
        if (x < (a + 1) / (a + b + 2)) {
            return incompleteBeta(x, logX, logY, a, b);
        }
        return 1 - incompleteBeta(y, logY, logX, b, a);
    }

    /** Density of the t distribution. */
    static double pdf(double t, double df) {
        double logDensity = -(df + 1) / 2 * Math.log1p(t * t / df) - 0.5 * Math.log(df) - Beta.logBeta(df / 2, 0.5);
        return Math.exp(logDensity);
    }

    /** The t with P(T > t) = q, for 0 < q < 1. */
    static double isf(double q, double df) {
        if (Double.isNaN(q) || Double.isNaN(df) || df <= 0 || q <= 0 || q >= 1) {
            return Double.NaN;
        }
        if (q == 0.5) {
            return 0;
        }
        double t = new TDistribution(null, df, 1e-9).inverseCumulativeProbability(1 - q);
        for (int i = 0; i < 8 && Double.isFinite(t); i++) {
            double density = pdf(t, df);
            if (density == 0) {
                break;
            }
            double step = (sf(t, df) - q) / density;
            t += step;
            if (Math.abs(step) <= 1e-16 * Math.abs(t)) {
                break;
            }
        }
        return t;
    }

    /** Regularized I_x(a, b) from the continued fraction, with the prefactor taken from exact logarithms. */
    private static double incompleteBeta(double x, double logX, double logY, double a, double b) {
        if (x == 0) {
            return 0;
        }
        ContinuedFraction fraction = new ContinuedFraction() {
            @Override
            protected double getB(int n, double ignored) {
                if (n % 2 == 0) {
                    double m = n / 2.0;
                    return (m * (b - m) * x) / ((a + (2 * m) - 1) * (a + (2 * m)));
                }
                double m = (n - 1.0) / 2.0;
                return -((a + m) * (a + b + m) * x) / ((a + (2 * m)) * (a + (2 * m) + 1.0));
            }

            @Override
            protected double getA(int n, double ignored) {
                return 1.0;
            }
        };
        double prefactor = Math.exp(a * logX + b * logY - Math.log(a) - Beta.logBeta(a, b));
        return prefactor / fraction.evaluate(x, CF_EPSILON, Integer.MAX_VALUE);
    }
}
