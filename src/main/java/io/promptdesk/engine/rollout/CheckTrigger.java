package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a health check ran. */
public enum CheckTrigger {
    /** Every health_check_interval, and at the end of a stage. */
    SCHEDULED,
    /** Before a manual advance. */
    ADVANCE,
    /** Before completing the rollout. */
    COMPLETION;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CheckTrigger of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
