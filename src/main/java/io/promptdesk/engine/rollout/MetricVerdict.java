package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.promptdesk.metrics.Metric;

/**
 * One metric of a health check: the canary's and the stable version's value over the same window (the rate, or
 * the 95th percentile of latency), how many requests each served, the comparison's p-value and effect size, the
 * absolute threshold if any, and the verdict with its reason. Undefined numbers are NaN (null in JSON).
 */
@JsonPropertyOrder({"metric", "outcome", "canary_value", "stable_value", "canary_samples", "stable_samples",
        "p_value", "effect_size", "threshold", "reason"})
public record MetricVerdict(Metric metric, HealthOutcome outcome, double canaryValue, double stableValue,
                            int canarySamples, int stableSamples, @JsonProperty("p_value") double pValue,
                            double effectSize, Double threshold, String reason) {

    /** Reads stored JSON back, where NaN was written as null. */
    @JsonCreator
    static MetricVerdict fromJson(@JsonProperty("metric") Metric metric,
                                  @JsonProperty("outcome") HealthOutcome outcome,
                                  @JsonProperty("canary_value") Double canaryValue,
                                  @JsonProperty("stable_value") Double stableValue,
                                  @JsonProperty("canary_samples") int canarySamples,
                                  @JsonProperty("stable_samples") int stableSamples,
                                  @JsonProperty("p_value") Double pValue,
                                  @JsonProperty("effect_size") Double effectSize,
                                  @JsonProperty("threshold") Double threshold,
                                  @JsonProperty("reason") String reason) {
        return new MetricVerdict(metric, outcome, nan(canaryValue), nan(stableValue), canarySamples, stableSamples,
                nan(pValue), nan(effectSize), threshold, reason);
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
