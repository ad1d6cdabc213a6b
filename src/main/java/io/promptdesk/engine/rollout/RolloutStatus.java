package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a rollout stands. {@code failed}: a health check found the canary worse and the policy rolled it back;
 * {@code rolled_back}: an operator aborted it. Both send all traffic back to the stable version.
 */
public enum RolloutStatus {
    IN_PROGRESS, PAUSED, COMPLETED, FAILED, ROLLED_BACK;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** In progress or paused: the rollout holds its deployment. */
    public boolean active() {
        return this == IN_PROGRESS || this == PAUSED;
    }

    public static RolloutStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
