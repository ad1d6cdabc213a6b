package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One version's health over a window [windowStart, windowEnd): its requests, error rate, 95th-percentile latency
 * (seconds) and engagement rate, and the verdict against the controller's limits. Undefined rates (no requests)
 * are NaN, null in JSON.
 */
@JsonPropertyOrder({"at", "version", "state", "requests", "error_rate", "latency_p95", "engagement_rate",
        "window_start", "window_end", "summary"})
public record HealthSnapshot(@JsonSerialize(using = ToStringSerializer.class) Instant at, String version,
                             HealthState state, int requests, double errorRate, double latencyP95,
                             double engagementRate,
                             @JsonSerialize(using = ToStringSerializer.class) Instant windowStart,
                             @JsonSerialize(using = ToStringSerializer.class) Instant windowEnd, String summary) {

    /** Reads stored JSON back: times as ISO-8601 text, NaN written as null. */
    @JsonCreator
    static HealthSnapshot fromJson(@JsonProperty("at") String at, @JsonProperty("version") String version,
                                   @JsonProperty("state") HealthState state, @JsonProperty("requests") int requests,
                                   @JsonProperty("error_rate") Double errorRate,
                                   @JsonProperty("latency_p95") Double latencyP95,
                                   @JsonProperty("engagement_rate") Double engagementRate,
                                   @JsonProperty("window_start") String windowStart,
                                   @JsonProperty("window_end") String windowEnd,
                                   @JsonProperty("summary") String summary) {
        return new HealthSnapshot(Instant.parse(at), version, state, requests, nan(errorRate), nan(latencyP95),
                nan(engagementRate), Instant.parse(windowStart), Instant.parse(windowEnd), summary);
    }

    private static double nan(Double v) {
        return v == null ? Double.NaN : v;
    }
}
