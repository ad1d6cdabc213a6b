package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.engine.stats.RegressionResult.GroupSummary;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The means chart and the difference chart: each group's mean with its t interval at the confidence level, the
 * mean difference with the engine's Welch interval, and the minimum-effect band, min_effect_size times the
 * pooled standard deviation (the mean difference at which |Cohen's d| reaches the minimum). Undefined numbers
 * are NaN; the charts leave them out.
 *
 * @param baselineN values the engine analysed after dropping non-finite values and outliers
 */
record IntervalData(double baselineMean, double baselineHalf, double currentMean, double currentHalf,
                    double difference, double differenceLower, double differenceUpper, double bandHalf,
                    int baselineN, int currentN) {

    static IntervalData of(RegressionResult r, int finiteBaseline, int finiteCurrent, double confidence,
                           double minEffectSize) {
        GroupSummary b = r.summaryStatistics().baseline();
        GroupSummary c = r.summaryStatistics().current();
        int nb = finiteBaseline - r.outliersRemoved().baseline();
        int nc = finiteCurrent - r.outliersRemoved().current();
        double pooled = nb + nc > 2
                ? Math.sqrt(((nb - 1) * b.std() * b.std() + (nc - 1) * c.std() * c.std()) / (nb + nc - 2))
                : Double.NaN;
        return new IntervalData(b.mean(), half(b.std(), nb, confidence), c.mean(), half(c.std(), nc, confidence),
                c.mean() - b.mean(), r.confidenceInterval().lower(), r.confidenceInterval().upper(),
                minEffectSize * pooled, nb, nc);
    }

    /** Half-width of the t interval of a mean; NaN below two values. */
    static double half(double sd, int n, double confidence) {
        if (n < 2 || !Double.isFinite(sd)) {
            return Double.NaN;
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability((1 + confidence) / 2);
        return t * sd / Math.sqrt(n);
    }
}
