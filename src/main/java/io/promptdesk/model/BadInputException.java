package io.promptdesk.model;

/** Input from a file or the user that cannot be used; the message names the input and what is wrong. */
public class BadInputException extends PromptDeskException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
