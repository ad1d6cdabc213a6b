package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a step ended: {@code started} only for a rollout left running (no-wait mode). */
public enum StepStatus {
    RUNNING, PASSED, FAILED, SKIPPED, STARTED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
