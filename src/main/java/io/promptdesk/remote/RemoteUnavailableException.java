package io.promptdesk.remote;

import io.promptdesk.model.PromptDeskException;

/**
 * A remote engine could not be reached or did not answer in time, after the retries allowed: the message names the
 * engine, its address and what went wrong, never a credential.
 */
public class RemoteUnavailableException extends PromptDeskException {
    public RemoteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
