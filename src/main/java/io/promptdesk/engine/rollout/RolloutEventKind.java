package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The transitions a rollout's history records. */
public enum RolloutEventKind {
    STARTED, ADVANCED, PAUSED, RESUMED, COMPLETED, FAILED, ROLLED_BACK,
    /** Another desk took over driving the rollout after its driver stopped renewing its lease (no transition). */
    TAKEN_OVER;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RolloutEventKind of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
