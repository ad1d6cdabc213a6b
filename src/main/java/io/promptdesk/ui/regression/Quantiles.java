package io.promptdesk.ui.regression;

import io.promptdesk.metrics.Percentiles;

/** Order statistics and moments of samples, for the charts (the verdict's numbers come from the engine). */
final class Quantiles {

    private Quantiles() {
    }

    /** NumPy's default (linear) quantile of a sorted sample, {@code q} in 0..1; NaN when empty. */
    static double linear(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    static double mean(double[] values) {
        return Percentiles.mean(values);
    }

    /** Sample standard deviation (ddof 1), two-pass for accuracy; NaN below two values. */
    static double std(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
