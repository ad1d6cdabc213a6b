package io.promptdesk.engine.rollout;

import io.promptdesk.model.PromptDeskException;

/**
 * A manual advance or completion was refused because its health check was not healthy. The check is recorded,
 * and an unhealthy one has already been acted on by the rollout's policy.
 */
public class HealthGateException extends PromptDeskException {
    private final HealthCheck check;

    public HealthGateException(String message, HealthCheck check) {
        super(message);
        this.check = check;
    }

    public HealthCheck check() {
        return check;
    }
}
