package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollback.RollbackStep;
import io.promptdesk.engine.rollback.StepRecord;

/**
 * One line of the running rollback's steps: the step, its state ({@code pending} until the engine records it,
 * then {@code started}, {@code done}, {@code failed} or {@code skipped}) and what it found.
 */
public record StepRow(RollbackStep step, String state, String detail) {
    public static final String PENDING = "pending";

    static StepRow pending(RollbackStep step) {
        return new StepRow(step, PENDING, "");
    }

    static StepRow of(StepRecord r) {
        return new StepRow(r.step(), r.state().key(), r.detail() == null ? "" : r.detail());
    }

    /** The step's name as shown: "pre-health" rather than "pre_health". */
    public String label() {
        return step.key().replace('_', '-');
    }
}
