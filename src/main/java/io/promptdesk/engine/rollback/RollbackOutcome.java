package io.promptdesk.engine.rollback;

/**
 * What a trigger did: the result, and whether this call started the rollback, joined one that was already running
 * (or already done) for the same model and version, or resumed one whose process had stopped. A double click never
 * rolls back twice.
 *
 * @param failedStep the step that failed, or null; {@link RollbackStep#VALIDATE} means the target was refused
 */
public record RollbackOutcome(RollbackResult result, Origin origin, RollbackStep failedStep) {

    /** How the call came by its rollback. */
    public enum Origin {
        STARTED, JOINED, RESUMED
    }

    /** The result belongs to a rollback another trigger started. */
    public boolean joined() {
        return origin == Origin.JOINED;
    }

    /** The target was refused by validation: bad input rather than a failed rollback. */
    public boolean rejected() {
        return failedStep == RollbackStep.VALIDATE;
    }

    RollbackOutcome as(Origin o) {
        return new RollbackOutcome(result, o, failedStep);
    }
}
