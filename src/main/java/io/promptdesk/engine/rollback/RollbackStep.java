package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The steps of a rollback, in order; each is recorded in the store before it is acted on. */
public enum RollbackStep {
    /** The target exists, was stable, is not deprecated or failed, and its template still validates. */
    VALIDATE,
    /** A health snapshot of the version being rolled back. */
    PRE_HEALTH,
    /** Registry aliases and statuses, the model's rollout stopped, traffic to the target. */
    SWITCH,
    /** Production reads back as the target; a health snapshot of it. */
    POST_HEALTH,
    /** The outcome. */
    RESULT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RollbackStep of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
