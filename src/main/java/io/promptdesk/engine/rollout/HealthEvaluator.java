package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.MetricsUnavailableException;
import io.promptdesk.metrics.Observation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one health check: for each metric of the plan, the canary's and the stable version's observations over the
 * same window, the comparison, and the absolute threshold.
 * <p>
 * The window slides: the last four check intervals (at least one interval, at most one stage), widened to the
 * whole current stage while the sliding window holds too little data; from the rollout's
 * start at the earliest. It does not restart with each stage, so the first checks of a stage still compare
 * hundreds of requests (small samples are where false alarms come from), and a fault shows within a few intervals.
 * <p>
 * A source that sees every request is compared request by request; one that keeps aggregates (Prometheus) is
 * compared step by step of its series. A source that cannot answer makes the metric inconclusive, never healthy.
 */
public final class HealthEvaluator {
    /** Steps of an aggregated series each version needs for a comparison of the two series to mean anything. */
    public static final int MIN_STEPS = 5;

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
        List<Metric> wanted = r.plan().healthMetrics();
        Pair first = wanted.isEmpty() ? null : observe(r, wanted.get(0), from, now);
        // Too little data in the sliding window (a small canary share, a quiet service): widen the window to
        // the whole current stage, where the traffic split has not changed, so that evidence accumulates.
        Instant stageFrom = later(r.startTime(), r.stageStartedAt());
        if (stageFrom.isBefore(from) && first != null && !first.enough(minSamples)) {
            from = stageFrom;
            first = null;
        }
        List<MetricVerdict> verdicts = new ArrayList<>();
        HealthOutcome overall = HealthOutcome.HEALTHY;
        for (Metric m : wanted) {
            Pair p = first != null && m == wanted.get(0) ? first : observe(r, m, from, now);
            Double threshold = r.plan().thresholds().get(m);
            MetricVerdict v = p.failure() != null ? unavailable(m, p.failure(), threshold)
                    : judge(m, p.stable(), p.canary(), threshold);
            verdicts.add(v);
            overall = overall.and(v.outcome());
        }
        return new HealthCheck(r.rolloutId(), 0, now, actor, trigger, r.currentStage(), r.currentPercentage(), overall,
                from, now, verdicts);
    }

    /** Both versions' observations of a metric, or why the source could not give them. */
    private record Pair(Observation stable, Observation canary, MetricsUnavailableException failure) {
        boolean enough(int minSamples) {
            return failure == null && HealthEvaluator.enough(stable, minSamples)
                    && HealthEvaluator.enough(canary, minSamples);
        }
    }

    private Pair observe(Rollout r, Metric m, Instant from, Instant now) {
        try {
            return new Pair(metrics.observe(r.deploymentName(), r.stableVersion(), m, from, now),
                    metrics.observe(r.deploymentName(), r.newVersion(), m, from, now), null);
        } catch (MetricsUnavailableException e) {
            return new Pair(null, null, e);
        }
    }

    static boolean enough(Observation o, int minSamples) {
        return o.granularity() == Observation.Granularity.REQUEST ? o.points().length >= minSamples
                : o.points().length >= MIN_STEPS && (o.requests() < 0 || o.requests() >= minSamples);
    }

    private static MetricVerdict unavailable(Metric m, MetricsUnavailableException e, Double threshold) {
        return new MetricVerdict(m, HealthOutcome.INCONCLUSIVE, Double.NaN, Double.NaN, 0, 0, Double.NaN, Double.NaN,
                threshold, "no metrics: " + e.getMessage());
    }

    private MetricVerdict judge(Metric m, Observation stableObs, Observation canaryObs, Double threshold) {
        double cv = canaryObs.value();
        double sv = stableObs.value();
        int cn = (int) Math.min(Integer.MAX_VALUE, canaryObs.count());
        int sn = (int) Math.min(Integer.MAX_VALUE, stableObs.count());
        String invalid = invalid(m, canaryObs, "the canary");
        invalid = invalid != null ? invalid : invalid(m, stableObs, "the stable version");
        if (invalid != null) {
            // A value that cannot be true (a broken exporter, a lying proxy) is no evidence at all: the stage holds.
            return new MetricVerdict(m, HealthOutcome.INCONCLUSIVE, Double.NaN, Double.NaN, cn, sn, Double.NaN,
                    Double.NaN, threshold, "no valid data: " + invalid);
        }
        if (!enough(canaryObs, minSamples) || !enough(stableObs, minSamples)) {
            return new MetricVerdict(m, HealthOutcome.INCONCLUSIVE, cv, sv, cn, sn, Double.NaN, Double.NaN, threshold,
                    tooLittle(canaryObs, stableObs));
        }
        boolean higherIsWorse = m != Metric.ENGAGEMENT_RATE;
        HealthComparator.Comparison c = comparator.compare(m, thin(stableObs.points()), thin(canaryObs.points()),
                higherIsWorse);
        String versus = "canary " + format(m, cv) + " vs stable " + format(m, sv) + String.format(Locale.ROOT,
                " (p=%.3g, effect size %.2f)", c.pValue(), c.effectSize());
        if (threshold != null && (higherIsWorse ? cv > threshold : cv < threshold)) {
            return new MetricVerdict(m, HealthOutcome.UNHEALTHY, cv, sv, cn, sn, c.pValue(), c.effectSize(), threshold,
                    "canary " + format(m, cv) + " is " + (higherIsWorse ? "above" : "below") + " the limit "
                            + format(m, threshold));
        }
        if (c.worse()) {
            return new MetricVerdict(m, HealthOutcome.UNHEALTHY, cv, sv, cn, sn, c.pValue(), c.effectSize(), threshold,
                    (higherIsWorse ? "increased: " : "decreased: ") + versus);
        }
        return new MetricVerdict(m, HealthOutcome.HEALTHY, cv, sv, cn, sn, c.pValue(), c.effectSize(), threshold,
                "no harmful change: " + versus);
    }

    /**
     * Why the observation cannot be true, or null: a non-finite or negative value, a rate above 100 %, a negative
     * request count.
     */
    static String invalid(Metric m, Observation o, String who) {
        if (o.requests() < -1) {
            return who + "'s request count is negative (" + o.requests() + ")";
        }
        String bad = impossible(m, o.value());
        if (bad != null) {
            return who + "'s " + m.key() + " " + bad;
        }
        for (double p : o.points()) {
            bad = Double.isNaN(p) ? "is not a number" : impossible(m, p);
            if (bad != null) {
                return who + "'s " + m.key() + " has a value that " + bad;
            }
        }
        return null;
    }

    private static String impossible(Metric m, double v) {
        if (Double.isNaN(v)) {
            return null;
        }
        if (Double.isInfinite(v)) {
            return "is infinite";
        }
        if (v < 0) {
            return "is negative (" + v + ")";
        }
        if (m != Metric.LATENCY_P95 && v > 1) {
            return "is above 100% (" + v + ")";
        }
        return null;
    }

    private String tooLittle(Observation canary, Observation stable) {
        if (canary.granularity() == Observation.Granularity.REQUEST) {
            return "too little data: the canary served " + canary.points().length + " and the stable version "
                    + stable.points().length + " requests in the window, " + minSamples + " each are needed";
        }
        return "too little data: the canary has " + steps(canary) + " and the stable version " + steps(stable)
                + " in the window; " + MIN_STEPS + " steps and " + minSamples + " requests each are needed";
    }

    private static String steps(Observation o) {
        return o.points().length + " steps with data" + (o.requests() < 0 ? "" : " (" + o.requests() + " requests)");
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
