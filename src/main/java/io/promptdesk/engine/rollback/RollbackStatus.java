package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a rollback stands. A trigger returns one of the spec's final outcomes: {@code success}, {@code failed}
 * or {@code timeout} (the SLA was exceeded). The history also shows {@code running} and {@code interrupted}: the
 * process running it stopped (killed, crashed) and it can be resumed.
 */
public enum RollbackStatus {
    RUNNING, SUCCESS, FAILED, TIMEOUT, INTERRUPTED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RollbackStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Success, failed or timeout: nothing more will happen to it. */
    public boolean isFinal() {
        return this == SUCCESS || this == FAILED || this == TIMEOUT;
    }
}
