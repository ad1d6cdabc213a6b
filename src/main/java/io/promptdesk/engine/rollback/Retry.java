package io.promptdesk.engine.rollback;

import io.promptdesk.model.PromptDeskException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs an action under a {@link RetryPolicy}, bounded by a deadline: an attempt starts only before the deadline,
 * and a backoff that would end after it is not waited out, so retries never push a rollback past its SLA.
 */
public final class Retry {
    private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

    private final RetryPolicy policy;
    private final RollbackTimer timer;

    public Retry(RetryPolicy policy, RollbackTimer timer) {
        this.policy = policy;
        this.timer = timer;
    }

    /**
     * @param what names the action in messages, e.g. "switching hooks to 1.0"
     * @throws RollbackTimeoutException when the deadline leaves no time for another attempt
     * @throws PromptDeskException      when every attempt failed, with the last failure as the cause
     */
    public <T> T call(String what, Deadline deadline, Supplier<T> action) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= policy.attempts(); attempt++) {
            if (deadline.passed()) {
                throw new RollbackTimeoutException(what + ": the SLA deadline passed" + after(attempt - 1, last), null,
                        last);
            }
            try {
                return action.get();
            } catch (RuntimeException e) {
                if (!RetryPolicy.isTransient(e)) {
                    throw e;
                }
                if (last != null) {
                    e.addSuppressed(last);
                }
                last = e;
                LOG.warn("{}: attempt {} of {} failed: {}", what, attempt, policy.attempts(), e.toString());
                if (attempt < policy.attempts()) {
                    Duration pause = policy.backoff(attempt);
                    if (deadline.remaining().compareTo(pause) <= 0) {
                        throw new RollbackTimeoutException(what + ": no time left in the SLA for another attempt"
                                + after(attempt, last), null, last);
                    }
                    pauseFor(pause, what);
                }
            }
        }
        throw new PromptDeskException(what + " failed" + after(policy.attempts(), last), last);
    }

    private void pauseFor(Duration pause, String what) {
        try {
            timer.pause(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromptDeskException(what + ": interrupted while waiting to retry", e);
        }
    }

    private static String after(int attempts, RuntimeException last) {
        return attempts == 0 || last == null ? "" : " after " + attempts + " attempt" + (attempts == 1 ? "" : "s")
                + " (last: " + last.getMessage() + ")";
    }
}
