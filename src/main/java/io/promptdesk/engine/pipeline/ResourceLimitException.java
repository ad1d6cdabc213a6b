package io.promptdesk.engine.pipeline;

import io.promptdesk.model.PromptDeskException;

/** A batch was refused or aborted because it would exceed, or exceeded, a resource limit. */
public final class ResourceLimitException extends PromptDeskException {
    public ResourceLimitException(String message) {
        super(message);
    }
}
