package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Least squares of values on x, as SciPy's {@code linregress}: r clipped to [-1, 1] and 0 when either variance is
 * zero, the slope's t with SciPy's TINY = 1e-20 guard (so a perfect fit gets a tiny positive p rather than 0), and
 * SciPy's n = 2 special case. Sums are taken about the means, so epoch timestamps and values near 1e12 keep their
 * precision, and the prediction is ymean + slope (x - xmean) rather than intercept + slope x.
 */
final class LinearTrend {

    private static final double TINY = 1.0e-20;
    private static final double PREDICTION_LEVEL = 0.95;

    private LinearTrend() {
    }

    static TrendResult fit(double[] x, double[] y, double xNext, List<String> warningsIn) {
        int n = y.length;
        List<String> warnings = new ArrayList<>(warningsIn);
        double xShift = x[0];
        double yShift = y[0];
        double xMean = mean(x, xShift);
        double yMean = mean(y, yShift);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = (x[i] - xShift) - xMean;
            double dy = (y[i] - yShift) - yMean;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        if (sxx == 0) {
            throw new BadInputException("all " + n + " x values are equal (" + x[0]
                    + "): a trend needs at least two distinct times");
        }
        double ssxm = sxx / n;
        double ssym = syy / n;
        double ssxym = sxy / n;
        double r = ssym == 0 ? 0 : Math.max(-1, Math.min(1, ssxym / Math.sqrt(ssxm * ssym)));
        double slope = ssxym / ssxm;
        double intercept = (yShift + yMean) - slope * (xShift + xMean);
        double pValue;
        double stdErr;
        if (n == 2) {
            pValue = y[0] == y[1] ? 1.0 : 0.0;
            stdErr = 0.0;
        } else {
            int df = n - 2;
            double t = r * Math.sqrt(df / ((1.0 - r + TINY) * (1.0 + r + TINY)));
            pValue = StudentT.twoTail(Math.abs(t), df);
            stdErr = Math.sqrt((1 - r * r) * ssym / ssxm / df);
        }
        double value = (yShift + yMean) + slope * ((xNext - xShift) - xMean);
        double lower = Double.NaN;
        double upper = Double.NaN;
        if (n > 2) {
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double residual = ((y[i] - yShift) - yMean) - slope * ((x[i] - xShift) - xMean);
                sse += residual * residual;
            }
            double s = Math.sqrt(sse / (n - 2));
            double dxNext = (xNext - xShift) - xMean;
            double margin = StudentT.isf((1 - PREDICTION_LEVEL) / 2, n - 2) * s
                    * Math.sqrt(1 + 1.0 / n + dxNext * dxNext / sxx);
            lower = value - margin;
            upper = value + margin;
        } else {
            warnings.add("the prediction interval is undefined (null) for two points: no degrees of freedom are "
                    + "left to estimate the scatter");
        }
        TrendResult.Prediction prediction = new TrendResult.Prediction(xNext, value, lower, upper);
        return new TrendResult(slope, intercept, r * r, pValue, stdErr, prediction,
                TrendDirection.of(slope, pValue), warnings);
    }

    /** Compensated mean of (v - shift). */
    private static double mean(double[] v, double shift) {
        double sum = 0;
        double comp = 0;
        for (double value : v) {
            double d = value - shift;
            double t = sum + d;
            comp += Math.abs(sum) >= Math.abs(d) ? (sum - t) + d : (d - t) + sum;
            sum = t;
        }
        return (sum + comp) / v.length;
    }
}
