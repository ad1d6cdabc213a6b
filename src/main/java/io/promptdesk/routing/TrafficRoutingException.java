package io.promptdesk.routing;

import io.promptdesk.engine.rollout.RolloutException;

/**
 * A traffic change did not reach the serving side, and the message says where and why. The rollout manager records
 * the stage as failed and sends traffic back to production.
 */
public class TrafficRoutingException extends RolloutException {
    public TrafficRoutingException(String message) {
        super(message);
    }
}
