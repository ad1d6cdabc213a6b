package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One health check of a rollout: the canary against the stable version over the window [windowStart, windowEnd),
 * metric by metric, and the overall verdict (the worst of the metrics').
 *
 * @param seq the check's number within the rollout, from 1; 0 before it is stored
 */
@JsonPropertyOrder({"rollout_id", "seq", "at", "actor", "trigger", "stage", "percentage", "outcome", "window_start",
        "window_end", "verdicts"})
public record HealthCheck(String rolloutId, long seq, @JsonSerialize(using = ToStringSerializer.class) Instant at,
                          String actor, CheckTrigger trigger, int stage, int percentage, HealthOutcome outcome,
                          @JsonSerialize(using = ToStringSerializer.class) Instant windowStart,
                          @JsonSerialize(using = ToStringSerializer.class) Instant windowEnd,
                          List<MetricVerdict> verdicts) {
    public HealthCheck {
        verdicts = List.copyOf(verdicts);
    }

    /** The canary's value of each metric, as the spec's health_status.metrics reports it. */
    @JsonIgnore
    public Map<String, Double> canaryValues() {
        Map<String, Double> out = new LinkedHashMap<>();
        verdicts.forEach(v -> out.put(v.metric().key(), v.canaryValue()));
        return out;
    }

    /** The metrics that decided a non-healthy verdict, with their reasons; empty when healthy. */
    @JsonIgnore
    public String explanation() {
        return verdicts.stream().filter(v -> v.outcome() == outcome && outcome != HealthOutcome.HEALTHY)
                .map(v -> v.metric().key() + ": " + v.reason()).collect(Collectors.joining("; "));
    }
}
