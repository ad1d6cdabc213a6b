package io.promptdesk.engine.rollback;

/** Hears of each step record and of the outcome, after they are stored, on the thread running the rollback. */
public interface RollbackListener {
    RollbackListener NONE = new RollbackListener() {
    };

    default void onStep(StepRecord step) {
    }

    default void onFinished(RollbackResult result) {
    }
}
