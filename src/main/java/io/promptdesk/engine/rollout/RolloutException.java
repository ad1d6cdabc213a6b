package io.promptdesk.engine.rollout;

import io.promptdesk.model.PromptDeskException;

/** The spec's RolloutError: an illegal transition or an impossible rollout; the message says what is allowed. */
public class RolloutException extends PromptDeskException {
    public RolloutException(String message) {
        super(message);
    }
}
