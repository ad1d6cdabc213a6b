package io.promptdesk.metrics;

import io.promptdesk.model.PromptDeskException;

/**
 * A metrics source could not answer: it is down, refused the request, or sent something unreadable. A health check
 * that meets it is inconclusive, never healthy, so a rollout holds rather than advancing on missing data.
 */
public class MetricsUnavailableException extends PromptDeskException {
    public MetricsUnavailableException(String message) {
        super(message);
    }

    public MetricsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
