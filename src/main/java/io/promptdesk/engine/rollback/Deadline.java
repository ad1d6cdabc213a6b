package io.promptdesk.engine.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A moment on an injected clock by which work must be done. */
public record Deadline(Clock clock, Instant at) {

    public boolean passed() {
        return clock.instant().isAfter(at);
    }

    /** Time left, zero once passed. */
    public Duration remaining() {
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
