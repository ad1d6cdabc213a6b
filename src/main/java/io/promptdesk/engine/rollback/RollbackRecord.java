package io.promptdesk.engine.rollback;

import java.time.Instant;

/**
 * The stored state of one rollback. Immutable: each change makes a new state with the next {@code revision}; the
 * store refuses a change made from a stale revision, which is how a worker given up on (by the SLA watchdog or a
 * recovering process) is stopped from acting any further.
 *
 * @param step     the step in progress (or, once final, {@link RollbackStep#RESULT})
 * @param switched the registry now serves {@code toVersion}: the switch committed
 * @param deadline start plus the SLA
 * @param owner    the process (and controller) running it, to tell a live rollback from one whose process died
 */
public record RollbackRecord(String rollbackId, String modelName, String fromVersion, String toVersion, String reason,
                             String triggeredBy, boolean skipValidation, RollbackStatus status, RollbackStep step,
                             boolean switched, Instant startTime, Instant deadline, Instant endTime,
                             HealthSnapshot preRollback, HealthSnapshot postRollback, String error, String owner,
                             int revision) {

    RollbackRecord at(RollbackStep next) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                status, next, switched, startTime, deadline, endTime, preRollback, postRollback, error, owner,
                revision + 1);
    }

    RollbackRecord withPre(HealthSnapshot pre) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                status, step, switched, startTime, deadline, endTime, pre, postRollback, error, owner, revision);
    }

    RollbackRecord withPost(HealthSnapshot post) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                status, step, switched, startTime, deadline, endTime, preRollback, post, error, owner, revision);
    }

    RollbackRecord switchedTo(RollbackStep next) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                status, next, true, startTime, deadline, endTime, preRollback, postRollback, error, owner,
                revision + 1);
    }

    RollbackRecord ended(RollbackStatus end, Instant at, String why) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                end, end.isFinal() ? RollbackStep.RESULT : step, switched, startTime, deadline, at, preRollback,
                postRollback, why, owner, revision + 1);
    }

    /** Taken over by another runner (a resume): running again, with no end yet. */
    RollbackRecord resumedBy(String newOwner) {
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                RollbackStatus.RUNNING, step, switched, startTime, deadline, null, preRollback, postRollback, null,
                newOwner, revision + 1);
    }

    /**
     * A failed or timed-out rollback tried again by a new trigger, in the same record: after the switch, from the
     * post-rollback step (which re-applies the traffic first); before it, from the start.
     */
    RollbackRecord retriedBy(String newOwner) {
        RollbackStep from = switched ? RollbackStep.POST_HEALTH
                : skipValidation ? RollbackStep.PRE_HEALTH : RollbackStep.VALIDATE;
        return new RollbackRecord(rollbackId, modelName, fromVersion, toVersion, reason, triggeredBy, skipValidation,
                RollbackStatus.RUNNING, from, switched, startTime, deadline, null, preRollback, postRollback, null,
                newOwner, revision + 1);
    }
}
