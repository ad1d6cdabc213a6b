package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;

import java.time.Duration;

/**
 * How often an idempotent request is tried and how long to wait between tries: {@code initialBackoff}, then
 * {@code multiplier} times longer each time, at most {@code maxBackoff}. A caller's deadline still bounds the whole.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), 2, Duration.ofSeconds(2));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new BadInputException("retries: between 1 and 10 attempts, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative() || !(multiplier >= 1)) {
            throw new BadInputException("retries: backoff must be >= 0 and grow by a factor >= 1");
        }
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration backoffBefore(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 2));
        return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
    }
}
