package io.promptdesk.engine.rollout;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.metrics.Metric;

/**
 * Health comparison by the regression engine: Welch's t-test and Mann-Whitney, one-sided in the harmful direction,
 * both significant and with an effect size of at least {@code minEffectSize}.
 * <p>
 * Rollouts check health every half minute for many minutes, so the defaults are stricter than the regression
 * gate's: 99% confidence and a small effect size (0.2, where an 8% error rate against 1% is about 0.3), which
 * keeps false alarms on a healthy canary rare without missing real faults. Outliers are kept: the tail is the point.
 * <p>
 * Rates (error_rate, engagement_rate) are means of 0/1 samples, where Cohen's d stays small even for a tripled
 * error rate (2.7% against 0.9% is d = 0.13). For them a change is also harmful when it is large relative to the
 * stable version - at least {@code minRelativeChange} (50%) and half a percentage point - and significant at a
 * ten times stricter level (p &lt; 0.001 by default), since sparse 0/1 samples make p-values optimistic
 * ({@code RolloutCalibration}: no healthy canary of 80 stopped, at 50 and 200 requests per second).
 */
public final class RegressionHealthComparator implements HealthComparator {
    public static final double DEFAULT_CONFIDENCE = 0.99;
    public static final double DEFAULT_MIN_EFFECT_SIZE = 0.2;
    public static final double DEFAULT_MIN_RELATIVE_CHANGE = 0.5;
    private static final double MIN_ABSOLUTE_RATE_CHANGE = 0.005;

    private final PerformanceRegressionDetector detector;
    private final double alpha;
    private final double minRelativeChange;

    public RegressionHealthComparator() {
        this(DEFAULT_CONFIDENCE, DEFAULT_MIN_EFFECT_SIZE, DEFAULT_MIN_RELATIVE_CHANGE);
    }

    public RegressionHealthComparator(double confidenceLevel, double minEffectSize) {
        this(confidenceLevel, minEffectSize, DEFAULT_MIN_RELATIVE_CHANGE);
    }

    public RegressionHealthComparator(double confidenceLevel, double minEffectSize, double minRelativeChange) {
        this.detector = new PerformanceRegressionDetector(confidenceLevel, minEffectSize, 0);
        this.alpha = (1 - confidenceLevel) / 10;
        this.minRelativeChange = minRelativeChange;
    }

    @Override
    public Comparison compare(Metric metric, double[] stable, double[] canary, boolean higherIsWorse) {
        RegressionResult r = detector.detectRegression(stable, canary, metric.key(), null,
                higherIsWorse ? Direction.INCREASE : Direction.DECREASE);
        boolean worse = r.regressionDetected()
                || (metric != Metric.LATENCY_P95 && r.pValue() < alpha && largeRateChange(stable, canary, higherIsWorse));
        return new Comparison(worse, r.pValue(), r.effectSize());
    }

    private boolean largeRateChange(double[] stable, double[] canary, boolean higherIsWorse) {
        double s = mean(stable);
        double c = mean(canary);
        double harm = higherIsWorse ? c - s : s - c;
        return harm >= MIN_ABSOLUTE_RATE_CHANGE && harm >= minRelativeChange * s;
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }
}
