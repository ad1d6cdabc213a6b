package io.promptdesk.ui.rollout;

import io.promptdesk.engine.rollout.RolloutStatus;

import java.util.Locale;

/** Where one stage of a timeline stands, given the rollout's current stage and status. */
public enum StepState {
    /** Passed: traffic moved beyond it (or the rollout completed through it). */
    DONE,
    /** The rollout is running at this stage. */
    CURRENT,
    /** The rollout is paused at this stage. */
    PAUSED,
    /** A health check failed here and the policy rolled the rollout back. */
    FAILED,
    /** An operator aborted the rollout here. */
    ABORTED,
    /** Not reached. */
    PENDING;

    /** The pseudo-class name of the state, as the timeline's CSS uses it. */
    public String pseudoClass() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StepState of(int index, int currentStage, RolloutStatus status) {
        if (status == null || currentStage < 0) {
            return PENDING;
        }
        if (index < currentStage || status == RolloutStatus.COMPLETED && index == currentStage) {
            return DONE;
        }
        if (index > currentStage) {
            return PENDING;
        }
        return switch (status) {
            case IN_PROGRESS -> CURRENT;
            case PAUSED -> PAUSED;
            case FAILED -> FAILED;
            case ROLLED_BACK -> ABORTED;
            case COMPLETED -> DONE;
        };
    }
}
