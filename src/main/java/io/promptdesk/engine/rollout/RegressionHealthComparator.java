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
 */
public final class RegressionHealthComparator implements HealthComparator {
    public static final double DEFAULT_CONFIDENCE = 0.99;
    public static final double DEFAULT_MIN_EFFECT_SIZE = 0.2;

    private final PerformanceRegressionDetector detector;

    public RegressionHealthComparator() {
        this(DEFAULT_CONFIDENCE, DEFAULT_MIN_EFFECT_SIZE);
    }

    public RegressionHealthComparator(double confidenceLevel, double minEffectSize) {
        this.detector = new PerformanceRegressionDetector(confidenceLevel, minEffectSize, 0);
    }

    @Override
    public Comparison compare(Metric metric, double[] stable, double[] canary, boolean higherIsWorse) {
        RegressionResult r = detector.detectRegression(stable, canary, metric.key(), null,
                higherIsWorse ? Direction.INCREASE : Direction.DECREASE);
        return new Comparison(r.regressionDetected(), r.pValue(), r.effectSize());
    }
}
