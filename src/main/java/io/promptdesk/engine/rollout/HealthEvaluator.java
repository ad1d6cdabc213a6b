package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Percentiles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one health check: for each metric of the plan, the canary's and the stable version's requests over the
 * same window, the comparison, and the absolute threshold.
 * <p>
 * The window slides: the last four check intervals (at least one interval, at most one stage), widened to the
 * whole current stage while the sliding window holds too little data; from the rollout's
 * start at the earliest. It does not restart with each stage, so the first checks of a stage still compare
 * hundreds of requests (small samples are where false alarms come from), and a fault shows within a few intervals.
 */
public final class HealthEvaluator {
    private final MetricsSource metrics;
    private final HealthComparator comparator;
    private final int minSamples;
    private final int maxSamples;
    private final double timeScale;

    /** @param timeScale plan seconds per clock second (see {@link RolloutSettings#timeScale()}) */
    public HealthEvaluator(MetricsSource metrics, HealthComparator comparator, int minSamples, int maxSamples,
                           double timeScale) {
        this.timeScale = timeScale;
        this.metrics = metrics;
        this.comparator = comparator;
        this.minSamples = minSamples;
        this.maxSamples = maxSamples;
    }

    public HealthCheck evaluate(Rollout r, Instant now, CheckTrigger trigger, String actor) {
        Duration window = window(r.plan());
        Instant from = later(r.startTime(), now.minus(timeScale == 1 ? window
                : Duration.ofNanos((long) Math.ceil(window.toNanos() / timeScale))));
        if (from.isAfter(now)) {
            from = now;
        }
        List<MetricVerdict> verdicts = new ArrayList<>();
        HealthOutcome overall = HealthOutcome.HEALTHY;
        // Too little data in the sliding window (a small canary share, a quiet service): widen the window to
        // the whole current stage, where the traffic split has not changed, so that evidence accumulates.
        Instant stageFrom = later(r.startTime(), r.stageStartedAt());
        if (stageFrom.isBefore(from) && !enoughData(r, from, now)) {
            from = stageFrom;
        }
        for (Metric m : r.plan().healthMetrics()) {
            double[] stable = metrics.samples(r.deploymentName(), r.stableVersion(), m, from, now);
            double[] canary = metrics.samples(r.deploymentName(), r.newVersion(), m, from, now);
            MetricVerdict v = judge(m, stable, canary, r.plan().thresholds().get(m));
            verdicts.add(v);
            overall = overall.and(v.outcome());
        }
        return new HealthCheck(r.rolloutId(), 0, now, actor, trigger, r.currentStage(), r.currentPercentage(), overall,
                from, now, verdicts);
    }

    private boolean enoughData(Rollout r, Instant from, Instant now) {
        if (r.plan().healthMetrics().isEmpty()) {
            return true;
        }
        Metric m = r.plan().healthMetrics().get(0);
        return metrics.samples(r.deploymentName(), r.stableVersion(), m, from, now).length >= minSamples
                && metrics.samples(r.deploymentName(), r.newVersion(), m, from, now).length >= minSamples;
    }

    private MetricVerdict judge(Metric m, double[] stable, double[] canary, Double threshold) {
        double cv = value(m, canary);
        double sv = value(m, stable);
        if (canary.length < minSamples || stable.length < minSamples) {
            return new MetricVerdict(m, HealthOutcome.INCONCLUSIVE, cv, sv, canary.length, stable.length, Double.NaN,
                    Double.NaN, threshold, "too little data: the canary served " + canary.length
                    + " and the stable version " + stable.length + " requests in the window, " + minSamples
                    + " each are needed");
        }
        boolean higherIsWorse = m != Metric.ENGAGEMENT_RATE;
        HealthComparator.Comparison c = comparator.compare(m, thin(stable), thin(canary), higherIsWorse);
        String versus = "canary " + format(m, cv) + " vs stable " + format(m, sv) + String.format(Locale.ROOT,
                " (p=%.3g, effect size %.2f)", c.pValue(), c.effectSize());
        if (threshold != null && (higherIsWorse ? cv > threshold : cv < threshold)) {
            return new MetricVerdict(m, HealthOutcome.UNHEALTHY, cv, sv, canary.length, stable.length, c.pValue(),
                    c.effectSize(), threshold, "canary " + format(m, cv) + " is " + (higherIsWorse ? "above" : "below")
                    + " the limit " + format(m, threshold));
        }
        if (c.worse()) {
            return new MetricVerdict(m, HealthOutcome.UNHEALTHY, cv, sv, canary.length, stable.length, c.pValue(),
                    c.effectSize(), threshold, (higherIsWorse ? "increased: " : "decreased: ") + versus);
        }
        return new MetricVerdict(m, HealthOutcome.HEALTHY, cv, sv, canary.length, stable.length, c.pValue(),
                c.effectSize(), threshold, "no harmful change: " + versus);
    }

    /** The value a person reads: the rate, or latency's 95th percentile. */
    static double value(Metric m, double[] samples) {
        return m == Metric.LATENCY_P95 ? Percentiles.of(samples, 95) : Percentiles.mean(samples);
    }

    static String format(Metric m, double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return m == Metric.LATENCY_P95 ? String.format(Locale.ROOT, "%.0f ms", v * 1000)
                : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    /** Every k-th sample so that at most maxSamples remain: an even spread over the window, deterministic. */
    private double[] thin(double[] samples) {
        if (samples.length <= maxSamples) {
            return samples;
        }
        double[] out = new double[maxSamples];
        double step = (double) samples.length / maxSamples;
        for (int i = 0; i < maxSamples; i++) {
            out[i] = samples[(int) (i * step)];
        }
        return out;
    }

    static Duration window(RolloutPlan plan) {
        Duration interval = plan.healthCheckInterval();
        Duration four = interval.multipliedBy(4);
        Duration capped = four.compareTo(plan.stageDuration()) > 0 ? plan.stageDuration() : four;
        return capped.compareTo(interval) < 0 ? interval : capped;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
