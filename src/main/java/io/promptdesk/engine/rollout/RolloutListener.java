package io.promptdesk.engine.rollout;

/** Hears of each committed transition and health check, in order, after it is stored. */
public interface RolloutListener {
    RolloutListener NONE = new RolloutListener() {
    };

    default void onEvent(RolloutEvent event) {
    }

    default void onHealthCheck(HealthCheck check) {
    }
}
