package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A health snapshot's verdict on one version: within the limits, beyond them, or too few requests to tell. */
public enum HealthState {
    HEALTHY, UNHEALTHY, NO_DATA;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
