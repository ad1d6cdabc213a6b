package io.promptdesk.routing;

import io.promptdesk.engine.rollout.RolloutException;

/**
 * A traffic change did not reach the serving side: the stage did not take effect, and the message says where and
 * why. The rollout's committed state is re-applied by the next tick of its driver.
 */
public class TrafficRoutingException extends RolloutException {
    public TrafficRoutingException(String message) {
        super(message);
    }
}
