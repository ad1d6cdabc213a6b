package io.promptdesk.engine.rollback;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Persistence of rollbacks: the state of each, and the append-only record of its steps. Implementations keep the
 * SQL portable. A store shared with the registry makes the switch and its record one transaction.
 */
public interface RollbackRepository {

    /** Runs {@code work} in one transaction: its reads see one state and its writes commit together. */
    <T> T atomically(Supplier<T> work);

    Optional<RollbackRecord> find(String rollbackId);

    /** The model's rollback with status running, if any (there is at most one). */
    Optional<RollbackRecord> running(String model);

    /** The model's most recently started rollback. */
    Optional<RollbackRecord> latest(String model);

    /** The model's rollbacks, most recent first, at most {@code limit}. */
    List<RollbackRecord> history(String model, int limit);

    /** Every rollback that is running or interrupted, oldest first. */
    List<RollbackRecord> unfinished();

    /**
     * Stores a new rollback.
     *
     * @throws io.promptdesk.model.PromptDeskException when the model already has a running rollback
     */
    void insert(RollbackRecord rollback);

    /**
     * Replaces the stored state with {@code next} if the stored revision is still {@code next.revision() - 1}.
     *
     * @return false when someone else changed it meanwhile (nothing is written)
     */
    boolean update(RollbackRecord next);

    /** Appends a step record, numbering it after the rollback's last; returns the stored record. */
    StepRecord append(StepRecord step);

    List<StepRecord> steps(String rollbackId);
}
