package io.promptdesk.engine.rollback;

import io.promptdesk.model.BadInputException;

/** A rollback cannot be done as asked: an unknown model or version, nothing deployed to roll back, no target. */
public class RollbackException extends BadInputException {
    public RollbackException(String message) {
        super(message);
    }
}
