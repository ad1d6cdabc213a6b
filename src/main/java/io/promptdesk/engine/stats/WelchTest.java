package io.promptdesk.engine.stats;

/**
 * Welch's t-test of current against baseline, as SciPy's {@code ttest_ind(current, baseline, equal_var=False)},
 * and the Welch interval of the mean difference.
 *
 * <p>Commons Math's {@code TTest.t/tTest(x, y)} is the same statistic but two-sided only and computes the moments
 * without a shift; here the difference of means comes from sums taken relative to one common shift, so values
 * near 1e12 keep their small differences (SciPy loses 2e-4 relative there), and the tails come from
 * {@link StudentT}. SciPy's rule for an undefined df (both variances zero) is kept: df becomes 1.
 *
 * @param difference mean(current) - mean(baseline)
 * @param se         sqrt(s_c^2/n_c + s_b^2/n_b)
 * @param df         Welch-Satterthwaite degrees of freedom, 1 where they are 0/0
 * @param t          difference / se: NaN when both groups are constant and equal, infinite when constant and
 *                   different, NaN when a group has one value
 */
record WelchTest(double difference, double se, double df, double t) {

    static WelchTest of(SortedSample.Moments current, SortedSample.Moments baseline) {
        if (current.shift() != baseline.shift()) {
            throw new IllegalArgumentException("moments must share one shift");
        }
        double difference = current.shiftedMean() - baseline.shiftedMean();
        double vc = current.variance() / current.n();
        double vb = baseline.variance() / baseline.n();
        double df = (vc + vb) * (vc + vb) / (vc * vc / (current.n() - 1) + vb * vb / (baseline.n() - 1));
        if (Double.isNaN(df)) {
            df = 1;
        }
        double se = Math.sqrt(vc + vb);
        return new WelchTest(difference, se, df, difference / se);
    }

    double pValue(Alternative alternative) {
        return switch (alternative) {
            case GREATER -> StudentT.sf(t, df);
            case LESS -> StudentT.sf(-t, df);
            case TWO_SIDED -> Double.isNaN(t) ? Double.NaN
                    : Double.isInfinite(t) ? 0 : StudentT.twoTail(Math.abs(t), df);
        };
    }

    /** Two-sided interval of the mean difference at {@code level}: difference +/- t_{1-(1-level)/2, df} * se. */
    double[] interval(double level) {
        double margin = criticalValue(level) * se;
        if (se == 0) {
            margin = 0;
        }
        return new double[]{difference - margin, difference + margin};
    }

    double criticalValue(double level) {
        return StudentT.isf((1 - level) / 2, df);
    }
}
