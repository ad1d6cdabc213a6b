package io.promptdesk.engine.rollout;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of a rollout's latest health check, kept with the rollout's state. */
public record LastCheck(Instant at, HealthOutcome outcome, Map<String, Double> metrics) {
    public LastCheck {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    static LastCheck of(HealthCheck check) {
        return new LastCheck(check.at(), check.outcome(), check.canaryValues());
    }
}
