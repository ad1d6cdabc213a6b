package io.promptdesk.metrics;

import com.fasterxml.jackson.annotation.JsonValue;
import io.promptdesk.model.BadInputException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A per-request health signal. {@link MetricsSource} returns one sample per request: latency in seconds, or 0/1
 * for an error and for an engagement, so a comparison sees every request rather than pre-aggregated rates.
 */
public enum Metric {
    /** 1 for a failed request, else 0; its mean is the error rate. */
    ERROR_RATE("error_rate"),
    /** The request's latency in seconds; the rollout reports its 95th percentile. */
    LATENCY_P95("latency_p95"),
    /** 1 when the user engaged with the response, else 0; its mean is the engagement rate. */
    ENGAGEMENT_RATE("engagement_rate");

    private final String key;

    Metric(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    public static Metric of(String key) {
        for (Metric m : values()) {
            if (m.key.equalsIgnoreCase(key.strip())) {
                return m;
            }
        }
        throw new BadInputException("unknown health metric '" + key + "': use "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
    }
}
