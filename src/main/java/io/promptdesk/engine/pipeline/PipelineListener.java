package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.rollout.RolloutView;

/** Progress of a run, called on the thread that runs it. */
public interface PipelineListener {
    PipelineListener NONE = new PipelineListener() {
    };

    /** A step started (status running) or ended. */
    default void onStep(String pipelineId, StepResult step) {
    }

    /** The rollout moved or was checked (wait mode). */
    default void onRollout(RolloutView rollout) {
    }
}
