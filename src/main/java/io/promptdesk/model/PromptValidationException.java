package io.promptdesk.model;

/** A template or its inputs are not valid (the spec's PromptValidationError). */
public class PromptValidationException extends PromptDeskException {
    public PromptValidationException(String message) {
        super(message);
    }
}
