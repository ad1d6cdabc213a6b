package io.promptdesk.ui.regression;

/**
 * Bins two sorted samples on shared bins (Freedman-Diaconis width, 10 to 80 bins) and estimates each density
 * with a Gaussian kernel (Silverman's bandwidth). The kernel sum runs over a fine histogram rather than every
 * value, so a million values cost one pass plus a fixed 200 x 1024 sum.
 */
final class Densities {

    static final int CURVE_POINTS = 200;
    private static final int FINE_BINS = 1024;
    /** Samples at least this large show values within three interquartile ranges of their box only. */
    private static final int TRIM_FROM = 20;
    private static final double FENCE = 3.0;

    private Densities() {
    }

    static DistributionData of(double[] sortedBaseline, double[] sortedCurrent) {
        if (sortedBaseline.length == 0 && sortedCurrent.length == 0) {
            return DistributionData.EMPTY;
        }
        double lo = Math.min(low(sortedBaseline), low(sortedCurrent));
        double hi = Math.max(high(sortedBaseline), high(sortedCurrent));
        if (!(hi > lo)) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.05;
            lo -= pad;
            hi += pad;
        }
        int bins = binCount(sortedBaseline, sortedCurrent, lo, hi);
        double width = (hi - lo) / bins;
        double[] centers = new double[bins];
        for (int i = 0; i < bins; i++) {
            centers[i] = lo + (i + 0.5) * width;
        }
        double[] curveX = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            curveX[i] = lo + (hi - lo) * i / (CURVE_POINTS - 1);
        }
        int hidden = outside(sortedBaseline, lo, hi) + outside(sortedCurrent, lo, hi);
        return new DistributionData(centers, histogram(sortedBaseline, lo, width, bins),
                histogram(sortedCurrent, lo, width, bins), curveX, kde(sortedBaseline, curveX),
                kde(sortedCurrent, curveX), lo, hi, hidden);
    }

    private static double low(double[] sorted) {
        if (sorted.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double iqr = iqr(sorted);
        return sorted.length >= TRIM_FROM && iqr > 0
                ? Math.max(sorted[0], Quantiles.linear(sorted, 0.25) - FENCE * iqr) : sorted[0];
    }

    private static double high(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double iqr = iqr(sorted);
        double max = sorted[sorted.length - 1];
        return sorted.length >= TRIM_FROM && iqr > 0 ? Math.min(max, Quantiles.linear(sorted, 0.75) + FENCE * iqr)
                : max;
    }

    private static double iqr(double[] sorted) {
        return Quantiles.linear(sorted, 0.75) - Quantiles.linear(sorted, 0.25);
    }

    /** Freedman-Diaconis on the larger sample, which sees the most detail. */
    private static int binCount(double[] a, double[] b, double lo, double hi) {
        double[] big = a.length >= b.length ? a : b;
        double iqr = iqr(big);
        if (!(iqr > 0)) {
            return 20;
        }
        double width = 2 * iqr / Math.cbrt(big.length);
        return (int) Math.max(10, Math.min(80, Math.ceil((hi - lo) / width)));
    }

    private static int outside(double[] sorted, double lo, double hi) {
        int n = 0;
        for (double v : sorted) {
            if (v < lo || v > hi) {
                n++;
            }
        }
        return n;
    }

    /** Density of each bin: count / (n * width), so the shown bars of a sample add up to its shown share. */
    static double[] histogram(double[] values, double lo, double width, int bins) {
        double[] density = new double[bins];
        if (values.length == 0) {
            return density;
        }
        double hi = lo + width * bins;
        for (double v : values) {
            if (v >= lo && v <= hi) {
                density[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
        }
        double scale = 1.0 / (values.length * width);
        for (int i = 0; i < bins; i++) {
            density[i] *= scale;
        }
        return density;
    }

    /** Gaussian KDE at {@code at}, from a fine histogram spanning the values and four bandwidths beyond. */
    static double[] kde(double[] sorted, double[] at) {
        double[] out = new double[at.length];
        double h = bandwidth(sorted);
        if (!(h > 0)) {
            return out;
        }
        double lo = Math.max(sorted[0], at[0] - 4 * h);
        double hi = Math.min(sorted[sorted.length - 1], at[at.length - 1] + 4 * h);
        if (!(hi > lo)) {
            hi = lo + h;
        }
        double width = (hi - lo) / FINE_BINS;
        double[] counts = new double[FINE_BINS];
        for (double v : sorted) {
            if (v >= lo && v <= hi) {
                counts[Math.min(FINE_BINS - 1, (int) ((v - lo) / width))]++;
            }
        }
        double norm = 1.0 / (sorted.length * h * Math.sqrt(2 * Math.PI));
        for (int g = 0; g < at.length; g++) {
            double sum = 0;
            for (int j = 0; j < FINE_BINS; j++) {
                if (counts[j] > 0) {
                    double z = (at[g] - (lo + (j + 0.5) * width)) / h;
                    if (z < 6 && z > -6) {
                        sum += counts[j] * Math.exp(-0.5 * z * z);
                    }
                }
            }
            out[g] = sum * norm;
        }
        return out;
    }

    /** Silverman's rule of thumb, 0.9 min(sd, IQR / 1.34) n^(-1/5); 0 when undefined. */
    static double bandwidth(double[] sorted) {
        if (sorted.length < 2) {
            return 0;
        }
        double sd = Quantiles.std(sorted);
        double iqr = (Quantiles.linear(sorted, 0.75) - Quantiles.linear(sorted, 0.25)) / 1.34;
        double spread = iqr > 0 ? Math.min(sd, iqr) : sd;
        return 0.9 * spread * Math.pow(sorted.length, -0.2);
    }
}
