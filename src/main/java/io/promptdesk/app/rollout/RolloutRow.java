package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutStatus;

import java.time.Instant;

/**
 * One line of the rollouts list: active ones first, then the history, most recent first.
 *
 * @param stagePercentage the stage it is at, or where it stopped (a stopped rollout's traffic is back at 0%)
 */
public record RolloutRow(String rolloutId, String deployment, String newVersion, String stableVersion,
                         RolloutStatus status, int stagePercentage, Instant startTime) {

    static RolloutRow of(Rollout r) {
        return new RolloutRow(r.rolloutId(), r.deploymentName(), r.newVersion(), r.stableVersion(), r.status(),
                r.plan().stages().get(r.currentStage()), r.startTime());
    }

    public boolean active() {
        return status.active();
    }
}
