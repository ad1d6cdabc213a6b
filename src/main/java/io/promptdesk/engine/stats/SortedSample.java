package io.promptdesk.engine.stats;

import java.util.Arrays;

/**
 * One group's values, sorted once and shared by the median, percentiles, outlier trimming, ranking and the
 * Kolmogorov-Smirnov scan. Outlier trimming only narrows the range [from, to): no copy.
 */
final class SortedSample {

    /** Iglewicz and Hoaglin's constant: 0.6745 * (x - median) / MAD is a z-score for normal data. */
    static final double MODIFIED_Z_CONSTANT = 0.6745;

    private final double[] values;
    private final int from;
    private final int to;

    private SortedSample(double[] values, int from, int to) {
        this.values = values;
        this.from = from;
        this.to = to;
    }

    /** Sorts {@code owned} in place; the caller gives up the array. */
    static SortedSample sortInPlace(double[] owned) {
        if (owned.length >= RadixSort.MIN_SIZE) {
            RadixSort.sort(owned);
        } else {
            Arrays.sort(owned);
        }
        return new SortedSample(owned, 0, owned.length);
    }

    /** Wraps an array that is already sorted ascending. */
    static SortedSample ofSorted(double[] sorted) {
        return new SortedSample(sorted, 0, sorted.length);
    }

    int size() {
        return to - from;
    }

    double[] array() {
        return values;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    double get(int i) {
        return values[from + i];
    }

    double min() {
        return size() == 0 ? Double.NaN : values[from];
    }

    double max() {
        return size() == 0 ? Double.NaN : values[to - 1];
    }

    boolean isConstant() {
        return size() > 0 && values[from] == values[to - 1];
    }

    /** NumPy's median: the middle value, or the mean of the two middle values. */
    double median() {
        int n = size();
        if (n == 0) {
            return Double.NaN;
        }
        int mid = from + n / 2;
        return n % 2 == 1 ? values[mid] : 0.5 * values[mid - 1] + 0.5 * values[mid];
    }

    /** NumPy's default ('linear') percentile, q in [0, 1]. */
    double quantile(double q) {
        int n = size();
        if (n == 0) {
            return Double.NaN;
        }
        double h = q * (n - 1);
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return values[to - 1];
        }
        return lerp(values[from + lo], values[from + lo + 1], h - lo);
    }

    /** NumPy's lerp, which is exact at both ends. */
    static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /**
     * Mean and sum of squared deviations, summed relative to {@code shift} with compensation so that values near
     * 1e12 keep their small differences; a constant group gets an exact zero.
     */
    Moments moments(double shift) {
        int n = size();
        if (n == 0) {
            return new Moments(0, shift, Double.NaN, Double.NaN);
        }
        if (isConstant()) {
            return new Moments(n, shift, values[from] - shift, 0);
        }
        double sum = 0;
        double comp = 0;
        for (int i = from; i < to; i++) {
            double x = values[i] - shift;
            double t = sum + x;
            comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        double mean = (sum + comp) / n;
        double sq = 0;
        double sqComp = 0;
        double dev = 0;
        for (int i = from; i < to; i++) {
            double d = (values[i] - shift) - mean;
            dev += d;
            double d2 = d * d;
            double t = sq + d2;
            sqComp += sq >= d2 ? (sq - t) + d2 : (d2 - t) + sq;
            sq = t;
        }
        // the corrected two-pass algorithm: removes what rounding of the mean left in the deviations
        double sumSquares = Math.max(0, (sq + sqComp) - dev * dev / n);
        return new Moments(n, shift, mean + dev / n, sumSquares);
    }

    /**
     * Removes values whose modified z-score |0.6745 (x - median) / MAD| exceeds {@code threshold}. Returns this
     * sample when nothing is removed or the MAD is zero (more than half the values are equal, so every other
     * value would have an infinite score).
     */
    SortedSample withoutOutliers(double threshold) {
        int n = size();
        if (n < 3 || !(threshold > 0)) {
            return this;
        }
        double median = median();
        double mad = medianAbsoluteDeviation(median);
        if (!(mad > 0)) {
            return this;
        }
        // scores fall to the left of the median and rise to its right, so both cut points are found by bisection
        int lo = from;
        int hi = from + n / 2;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (isOutlier(values[m], median, mad, threshold)) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        int newFrom = lo;
        lo = from + n / 2;
        hi = to;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (isOutlier(values[m], median, mad, threshold)) {
                hi = m;
            } else {
                lo = m + 1;
            }
        }
        int newTo = lo;
        return newFrom == from && newTo == to ? this : new SortedSample(values, newFrom, newTo);
    }

    static boolean isOutlier(double x, double median, double mad, double threshold) {
        return Math.abs(MODIFIED_Z_CONSTANT * (x - median) / mad) > threshold;
    }

    /**
     * The median of |x - median| without another array: the deviations form two sorted runs (left of the median
     * read backwards, right of it read forwards), and their k-th smallest is found by bisection.
     */
    double medianAbsoluteDeviation(double median) {
        int n = size();
        int split = upperBound(median);
        int left = split - from;
        int right = to - split;
        if (n % 2 == 1) {
            return kthDeviation(n / 2, median, split, left, right);
        }
        return 0.5 * kthDeviation(n / 2 - 1, median, split, left, right)
                + 0.5 * kthDeviation(n / 2, median, split, left, right);
    }

    private double kthDeviation(int k, double median, int split, int la, int lb) {
        int lo = Math.max(0, k + 1 - lb);
        int hi = Math.min(k + 1, la);
        while (lo < hi) {
            int i = (lo + hi) >>> 1;
            int j = k + 1 - i;
            if (i < la && j > 0 && median - values[split - 1 - i] < values[split + j - 1] - median) {
                lo = i + 1;
            } else {
                hi = i;
            }
        }
        int i = lo;
        int j = k + 1 - i;
        double fromLeft = i > 0 ? median - values[split - i] : Double.NEGATIVE_INFINITY;
        double fromRight = j > 0 ? values[split + j - 1] - median : Double.NEGATIVE_INFINITY;
        return Math.max(fromLeft, fromRight);
    }

    /** First index in the range whose value is greater than {@code x}. */
    private int upperBound(double x) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (values[m] <= x) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** n values whose mean is {@code shift + shiftedMean}; {@code sumSquares} is the sum of squared deviations. */
    record Moments(int n, double shift, double shiftedMean, double sumSquares) {
        double mean() {
            return shift + shiftedMean;
        }

        /** Sample variance (ddof = 1); NaN for fewer than two values, as NumPy. */
        double variance() {
            return n > 1 ? sumSquares / (n - 1) : Double.NaN;
        }

        double std() {
            return Math.sqrt(variance());
        }
    }
}
