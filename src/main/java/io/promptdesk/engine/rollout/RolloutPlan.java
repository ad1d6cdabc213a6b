package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import io.promptdesk.model.BadInputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a rollout will do: its traffic stages, the metrics its health checks compare, optional absolute limits,
 * how long each stage lasts, how often health is checked, and what an unhealthy check does.
 *
 * @param thresholds absolute limits on the canary: error_rate and latency_p95 (seconds) at most, engagement_rate
 *                   at least
 */
public record RolloutPlan(List<Integer> stages, List<Metric> healthMetrics, Map<Metric, Double> thresholds,
                          Duration stageDuration, Duration healthCheckInterval, UnhealthyPolicy onUnhealthy) {

    public static final List<Integer> DEFAULT_STAGES = List.of(10, 25, 50, 100);
    public static final List<Metric> DEFAULT_METRICS = List.of(Metric.ERROR_RATE, Metric.LATENCY_P95,
            Metric.ENGAGEMENT_RATE);
    public static final Duration DEFAULT_STAGE_DURATION = Duration.ofMinutes(5);
    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(30);

    public RolloutPlan {
        stages = checkStages(stages);
        healthMetrics = checkMetrics(healthMetrics);
        thresholds = checkThresholds(thresholds == null ? Map.of() : thresholds, healthMetrics);
        checkDuration("stage duration", stageDuration);
        checkDuration("health check interval", healthCheckInterval);
        if (onUnhealthy == null) {
            throw new BadInputException("a rollout needs a policy for unhealthy checks: pause or rollback");
        }
    }

    /**
     * The spec's parameters with their defaults: stages [10, 25, 50, 100], all three metrics; the initial
     * percentage, when given, must be the first stage.
     */
    public static RolloutPlan of(Integer initialPercentage, List<Integer> stages, List<Metric> metrics,
                                 Map<Metric, Double> thresholds, Duration stageDuration, Duration healthCheckInterval,
                                 UnhealthyPolicy onUnhealthy) {
        List<Integer> s = stages == null || stages.isEmpty() ? DEFAULT_STAGES : stages;
        if (initialPercentage != null && !initialPercentage.equals(s.get(0))) {
            throw new BadInputException("initial_percentage " + initialPercentage + " must be the first stage of "
                    + s + (s == DEFAULT_STAGES ? " (the default stages); give stages starting at " + initialPercentage
                    : ""));
        }
        return new RolloutPlan(s, metrics == null || metrics.isEmpty() ? DEFAULT_METRICS : metrics, thresholds,
                stageDuration == null ? DEFAULT_STAGE_DURATION : stageDuration,
                healthCheckInterval == null ? DEFAULT_HEALTH_CHECK_INTERVAL : healthCheckInterval,
                onUnhealthy == null ? UnhealthyPolicy.PAUSE : onUnhealthy);
    }

    public int lastStage() {
        return stages.size() - 1;
    }

    /** The index of {@code percentage} in the stages, or -1. */
    public int stageOf(int percentage) {
        return stages.indexOf(percentage);
    }

    private static List<Integer> checkStages(List<Integer> stages) {
        if (stages == null || stages.size() < 2) {
            throw new BadInputException("stages " + stages + ": a rollout needs at least two stages, a canary share "
                    + "below 100 and 100, e.g. [10, 25, 50, 100]");
        }
        int previous = 0;
        for (Integer s : stages) {
            if (s == null || s < 1 || s > 100) {
                throw new BadInputException("stages " + stages + ": every stage is a percentage in 1..100, not " + s);
            }
            if (s <= previous) {
                throw new BadInputException("stages " + stages + ": stages must be strictly increasing (" + s
                        + " follows " + previous + ")");
            }
            previous = s;
        }
        if (previous != 100) {
            throw new BadInputException("stages " + stages + ": the last stage must be 100, the full rollout");
        }
        return List.copyOf(stages);
    }

    private static List<Metric> checkMetrics(List<Metric> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw new BadInputException("a rollout needs at least one health metric");
        }
        LinkedHashSet<Metric> unique = new LinkedHashSet<>(metrics);
        if (unique.size() != metrics.size() || unique.contains(null)) {
            throw new BadInputException("health metrics " + metrics + " name a metric twice");
        }
        return List.copyOf(new ArrayList<>(unique));
    }

    private static Map<Metric, Double> checkThresholds(Map<Metric, Double> thresholds, List<Metric> metrics) {
        Map<Metric, Double> out = new EnumMap<>(Metric.class);
        thresholds.forEach((m, v) -> {
            if (!metrics.contains(m)) {
                throw new BadInputException("a threshold on " + m.key() + " needs " + m.key()
                        + " among the health metrics " + metrics.stream().map(Metric::key).toList());
            }
            boolean rate = m != Metric.LATENCY_P95;
            if (v == null || !Double.isFinite(v) || v < 0 || (rate && v > 1) || (!rate && v == 0)) {
                throw new BadInputException("threshold " + m.key() + "=" + v + " must be "
                        + (rate ? "a rate in 0..1" : "a latency in seconds above 0"));
            }
            out.put(m, v);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void checkDuration(String what, Duration d) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new BadInputException("the " + what + " must be at least one second, got " + d);
        }
    }
}
