package io.promptdesk.ui.regression;

/**
 * A Tukey box plot of one sample: quartiles, whiskers at the most extreme values within 1.5 IQR of the box,
 * the mean, and how many values lie beyond the whiskers. All NaN for an empty sample.
 */
record BoxStats(double q1, double median, double q3, double lowWhisker, double highWhisker, double mean, int n,
                int beyondWhiskers) {

    static final BoxStats EMPTY = new BoxStats(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, 0, 0);

    static BoxStats of(double[] sorted) {
        if (sorted.length == 0) {
            return EMPTY;
        }
        double q1 = Quantiles.linear(sorted, 0.25);
        double q3 = Quantiles.linear(sorted, 0.75);
        double lowFence = q1 - 1.5 * (q3 - q1);
        double highFence = q3 + 1.5 * (q3 - q1);
        int lo = 0;
        while (sorted[lo] < lowFence) {
            lo++;
        }
        int hi = sorted.length - 1;
        while (sorted[hi] > highFence) {
            hi--;
        }
        return new BoxStats(q1, Quantiles.linear(sorted, 0.5), q3, sorted[lo], sorted[hi], Quantiles.mean(sorted),
                sorted.length, lo + (sorted.length - 1 - hi));
    }
}
