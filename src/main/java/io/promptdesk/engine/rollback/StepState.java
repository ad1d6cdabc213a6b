package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a step record says: the step is about to be acted on, is done, failed, or was skipped. */
public enum StepState {
    STARTED, DONE, FAILED, SKIPPED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepState of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
