package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.TrendResult;
import io.promptdesk.model.BadInputException;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * Fits the engine's trend (x = index 0..n-1 of the finite measurements) and builds what the chart draws. The
 * prediction band follows from the fit's numbers: with x the index, x&#772; = (n - 1) / 2 and
 * Sxx = n (n&sup2; - 1) / 12, the residual error is s = std_err &middot; &radic;Sxx, and a new observation at x
 * lies within fit &plusmn; t(0.975, n - 2) &middot; s &middot; &radic;(1 + 1/n + (x - x&#772;)&sup2; / Sxx).
 */
final class TrendShapes {

    /** At most this many measurements are drawn; longer series are drawn as bucket means. */
    static final int MAX_POINTS = 1_000;
    private static final int BAND_POINTS = 60;

    private TrendShapes() {
    }

    /**
     * @param finiteBaseline baseline measurements in recorded order (finite only); empty when not in the series
     * @param finiteCurrent  current measurements that follow them
     * @param low            bottom of the range to show (NaN: the series' own)
     * @param high           top of the range to show
     */
    static TrendData of(PerformanceRegressionDetector detector, double[] finiteBaseline, double[] finiteCurrent,
                        double low, double high) {
        int n = finiteBaseline.length + finiteCurrent.length;
        double[] series = Arrays.copyOf(finiteBaseline, n);
        System.arraycopy(finiteCurrent, 0, series, finiteBaseline.length, finiteCurrent.length);
        int bucket = Math.max(1, (int) Math.ceil((double) n / MAX_POINTS));
        double[][] base = buckets(finiteBaseline, 0, bucket);
        double[][] cur = buckets(finiteCurrent, finiteBaseline.length, bucket);
        TrendResult fit;
        try {
            fit = detector.calculateTrend(series, null);
        } catch (BadInputException e) {
            double[] none = new double[0];
            return range(new TrendData(base[0], base[1], cur[0], cur[1], none, none, none, bucket, null,
                    e.getMessage(), 0, 0, 0), low, high);
        }
        double xEnd = fit.prediction().at();
        double[] lineX = new double[BAND_POINTS];
        double[] lineY = new double[BAND_POINTS];
        for (int i = 0; i < BAND_POINTS; i++) {
            lineX[i] = xEnd * i / (BAND_POINTS - 1);
            lineY[i] = fit.intercept() + fit.slope() * lineX[i];
        }
        return range(new TrendData(base[0], base[1], cur[0], cur[1], lineX, lineY, bandHalf(fit, n, lineX), bucket,
                fit, null, 0, 0, 0), low, high);
    }

    /** The y range to show: [low, high] (or the points' own range) widened to hold the line and band, padded. */
    private static TrendData range(TrendData t, double low, double high) {
        double lo = low;
        double hi = high;
        if (!(hi >= lo)) {
            lo = Math.min(min(t.baselineY()), min(t.currentY()));
            hi = Math.max(max(t.baselineY()), max(t.currentY()));
        }
        lo = Math.min(lo, min(t.bandLower()));
        hi = Math.max(hi, max(t.bandUpper()));
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double pad = (hi - lo) * 0.05;
        double yMin = lo - pad;
        double yMax = hi + pad;
        int hidden = outside(t.baselineY(), yMin, yMax) + outside(t.currentY(), yMin, yMax);
        return new TrendData(t.baselineX(), t.baselineY(), t.currentX(), t.currentY(), t.lineX(), t.lineY(),
                t.bandHalf(), t.bucket(), t.fit(), t.error(), yMin, yMax, hidden);
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static int outside(double[] v, double lo, double hi) {
        int n = 0;
        for (double x : v) {
            if (x < lo || x > hi) {
                n++;
            }
        }
        return n;
    }

    /** The prediction band's half-width at each x; empty when it is undefined (fewer than 3 points). */
    static double[] bandHalf(TrendResult fit, int n, double[] x) {
        if (n < 3 || !Double.isFinite(fit.stdErr())) {
            return new double[0];
        }
        double xBar = (n - 1) / 2.0;
        double sxx = n * ((double) n * n - 1) / 12.0;
        double s = fit.stdErr() * Math.sqrt(sxx);
        double t = new TDistribution(null, n - 2).inverseCumulativeProbability(0.975);
        double[] half = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            half[i] = t * s * Math.sqrt(1 + 1.0 / n + (x[i] - xBar) * (x[i] - xBar) / sxx);
        }
        return half;
    }

    /** x (bucket centre index, offset by {@code first}) and the mean of each bucket of {@code size} values. */
    private static double[][] buckets(double[] values, int first, int size) {
        int count = (values.length + size - 1) / size;
        double[] x = new double[count];
        double[] y = new double[count];
        for (int b = 0; b < count; b++) {
            int from = b * size;
            int to = Math.min(values.length, from + size);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            x[b] = first + (from + to - 1) / 2.0;
            y[b] = sum / (to - from);
        }
        return new double[][]{x, y};
    }
}
