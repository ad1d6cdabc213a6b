package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.model.PromptDeskException;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes a rollback's state changes: each in one transaction with its step records and its audit row, and only if
 * the stored state is still the one the writer read, so a worker that was given up on cannot act any further.
 */
final class RollbackLedger {
    private final RollbackRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    RollbackLedger(RollbackRepository repository, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** A state written with its step records as stored. */
    record Committed(RollbackRecord record, List<StepRecord> steps) {
    }

    /** The store changed the rollback since it was read: someone else decided its fate. */
    static final class Fenced extends PromptDeskException {
        Fenced(RollbackRecord r) {
            super("rollback " + r.rollbackId() + " of " + r.modelName() + " was taken over meanwhile (timed out or "
                    + "marked interrupted); its record says what happened");
        }
    }

    /** Millisecond precision, as the store keeps it. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    RollbackRepository repository() {
        return repository;
    }

    <T> T atomically(Supplier<T> work) {
        return repository.atomically(work);
    }

    Committed start(RollbackRecord r, List<StepRecord> steps) {
        return repository.atomically(() -> {
            repository.insert(r);
            List<StepRecord> stored = append(steps);
            audit(r, "rollback_started", r.triggeredBy(), r.startTime(), r.reason());
            return new Committed(r, stored);
        });
    }

    /** Writes {@code next} over {@code current}, inside the caller's transaction if there is one. */
    Committed advance(RollbackRecord current, RollbackRecord next, List<StepRecord> steps, String action,
                      String actor, String why) {
        return repository.atomically(() -> {
            if (next.revision() != current.revision() + 1 || !repository.update(next)) {
                throw new Fenced(current);
            }
            List<StepRecord> stored = append(steps);
            if (action != null) {
                audit(next, action, actor, steps.isEmpty() ? now() : steps.get(0).at(), why);
            }
            return new Committed(next, stored);
        });
    }

    /** Ends a rollback: success, failed or timeout, with the result step and the audit row. */
    Committed end(RollbackRecord current, RollbackStatus status, String error, List<StepRecord> before,
                  String actor) {
        Instant at = now();
        RollbackRecord next = current.ended(status, at, error);
        List<StepRecord> steps = new ArrayList<>(before);
        steps.add(StepRecord.of(current.rollbackId(), at, RollbackStep.RESULT, StepState.DONE, status.key()
                + (error == null ? "" : ": " + error)));
        String action = switch (status) {
            case SUCCESS -> "rollback_succeeded";
            case TIMEOUT -> "rollback_timed_out";
            case INTERRUPTED -> "rollback_interrupted";
            default -> "rollback_failed";
        };
        return advance(current, next, steps, action, actor, error);
    }

    /** The runner is gone: the rollback stays where it stopped, resumable, and says so. */
    Committed interrupt(RollbackRecord current, String why, String actor) {
        Instant at = now();
        RollbackRecord next = current.ended(RollbackStatus.INTERRUPTED, at, why);
        return advance(current, next, List.of(StepRecord.of(current.rollbackId(), at, current.step(),
                StepState.FAILED, why)), "rollback_interrupted", actor, why);
    }

    Committed resume(RollbackRecord current, String owner, String actor) {
        RollbackRecord next = current.resumedBy(owner);
        return advance(current, next, List.of(StepRecord.of(current.rollbackId(), now(), current.step(),
                StepState.STARTED, "resumed by " + actor)), "rollback_resumed", actor, null);
    }

    /** A new attempt of a failed or timed-out rollback, in the same record. */
    Committed retry(RollbackRecord current, String owner, String actor) {
        RollbackRecord next = current.retriedBy(owner);
        String why = "attempt again after " + current.status().key() + (current.error() == null ? ""
                : " (" + current.error() + ")");
        return advance(current, next, List.of(StepRecord.of(current.rollbackId(), now(), next.step(),
                StepState.STARTED, "tried again by " + actor)), "rollback_retried", actor, why);
    }

    private List<StepRecord> append(List<StepRecord> steps) {
        List<StepRecord> stored = new ArrayList<>(steps.size());
        for (StepRecord s : steps) {
            stored.add(repository.append(s));
        }
        return stored;
    }

    private void audit(RollbackRecord r, String action, String actor, Instant at, String why) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from_version", r.fromVersion());
        details.put("to_version", r.toVersion());
        details.put("status", r.status().key());
        details.put("step", r.step().key());
        details.put("switched", Boolean.toString(r.switched()));
        details.put("skip_validation", Boolean.toString(r.skipValidation()));
        audit.append(new AuditRecord(at, actor, action, r.rollbackId(), r.modelName(), details, why));
    }
}
