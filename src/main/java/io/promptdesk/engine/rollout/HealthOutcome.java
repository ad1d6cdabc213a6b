package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A health check's verdict, as canary analysis tools give it: healthy (continue), inconclusive (too little data to
 * tell: hold the stage), unhealthy (the canary is worse: pause or roll back).
 */
public enum HealthOutcome {
    HEALTHY, INCONCLUSIVE, UNHEALTHY;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthOutcome of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** The worse of two verdicts: unhealthy beats inconclusive beats healthy. */
    public HealthOutcome and(HealthOutcome other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
