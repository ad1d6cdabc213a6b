package io.promptdesk.app.rollout;

import io.promptdesk.metrics.BehaviourProfile;

/**
 * The simulator as the console drives it: requests per second of plan time, the time scale, and the behaviour of
 * the selected rollout's two versions (null without a selection).
 *
 * @param live the selected rollout is in progress or paused, so its traffic is being simulated
 */
public record SimulatorState(double rate, double timeScale, String deployment, String stableVersion,
                             BehaviourProfile stable, String canaryVersion, BehaviourProfile canary, boolean live) {
}
