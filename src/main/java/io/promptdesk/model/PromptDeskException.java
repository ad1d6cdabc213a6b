package io.promptdesk.model;

/** Base of PromptDesk's domain exceptions: the message is written for the person who must act on it. */
public class PromptDeskException extends RuntimeException {
    public PromptDeskException(String message) {
        super(message);
    }

    public PromptDeskException(String message, Throwable cause) {
        super(message, cause);
    }
}
