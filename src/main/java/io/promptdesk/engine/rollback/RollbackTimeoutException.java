package io.promptdesk.engine.rollback;

import io.promptdesk.model.PromptDeskException;

/**
 * The spec's RollbackTimeoutError: a rollback exceeded its SLA, or (from a {@link RollbackGuard}) an automatic
 * rollback did not succeed and a person must step in. The result, when there is one, says whether the switch
 * happened.
 */
public class RollbackTimeoutException extends PromptDeskException {
    private final transient RollbackResult result;

    public RollbackTimeoutException(String message, RollbackResult result, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    /** The recorded outcome, or null when the rollback could not even be recorded. */
    public RollbackResult result() {
        return result;
    }
}
