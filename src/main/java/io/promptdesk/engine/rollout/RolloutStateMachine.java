package io.promptdesk.engine.rollout;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rollout's transitions:
 * <pre>
 *   (start) -> in_progress
 *   in_progress -> in_progress (advance a stage)   in_progress -> completed (advance to 100, complete)
 *   in_progress -> paused (pause, or unhealthy with policy pause)   paused -> in_progress (resume)
 *   in_progress -> failed (unhealthy with policy rollback)
 *   in_progress | paused -> rolled_back (abort)
 * </pre>
 * completed, failed and rolled_back are final. Health checks run only in progress.
 */
public final class RolloutStateMachine {
    private RolloutStateMachine() {
    }

    /** The actions a person may take in {@code status}: what the console enables. */
    public static Set<RolloutAction> allowed(RolloutStatus status) {
        return switch (status) {
            case IN_PROGRESS -> EnumSet.of(RolloutAction.ADVANCE, RolloutAction.PAUSE, RolloutAction.COMPLETE,
                    RolloutAction.ABORT);
            case PAUSED -> EnumSet.of(RolloutAction.RESUME, RolloutAction.ABORT);
            case COMPLETED, FAILED, ROLLED_BACK -> EnumSet.noneOf(RolloutAction.class);
        };
    }

    /** @throws RolloutException saying what is allowed instead */
    static void require(Rollout r, RolloutAction action) {
        if (allowed(r.status()).contains(action)) {
            return;
        }
        String what = "cannot " + action.key() + " rollout " + r.rolloutId() + " of " + r.deploymentName() + ": it ";
        if (!r.status().active()) {
            throw new RolloutException(what + "has ended (" + r.status().key() + "); start a new rollout instead");
        }
        throw new RolloutException(what + "is " + r.status().key() + " at " + r.currentPercentage()
                + "%; allowed now: " + allowed(r.status()).stream().map(RolloutAction::key)
                .collect(Collectors.joining(", ")));
    }
}
