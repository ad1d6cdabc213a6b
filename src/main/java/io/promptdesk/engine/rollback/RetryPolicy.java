package io.promptdesk.engine.rollback;

import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.remote.RemoteUnavailableException;

import java.time.Duration;

/**
 * The spec's retry strategy for steps that talk to a registry: a few attempts with exponential backoff. Only
 * transient failures are retried - a remote registry that could not be reached, an unexpected (I/O) failure of a
 * client; a domain error (an unknown version, a refused request, a store problem, which the store has already
 * waited out for its busy timeout) is final.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new BadInputException("a retry policy needs at least one attempt");
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || !(multiplier >= 1)) {
            throw new BadInputException("backoff needs 0 <= initial <= max and a multiplier of at least 1");
        }
    }

    /** Three attempts, 200 ms then 400 ms apart: short, because all of it must fit in the 30 s SLA. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), 2, Duration.ofSeconds(2));
    }

    /** The pause after failed attempt {@code n} (from 1). */
    public Duration backoff(int n) {
        double ms = initialBackoff.toMillis() * Math.pow(multiplier, n - 1);
        return ms >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) ms);
    }

    public static boolean isTransient(RuntimeException e) {
        return e instanceof RemoteUnavailableException || !(e instanceof PromptDeskException);
    }
}
