package io.promptdesk.engine.rollout;

import java.time.Instant;

/**
 * The answer to a desk asking to drive a deployment's rollout ticks.
 *
 * @param held          whether the asking desk holds the lease now (it may act)
 * @param holder        who holds it now
 * @param expiresAt     until when, unless renewed
 * @param takenOverFrom the desk whose lease had run out and was taken over by this request; null otherwise
 */
public record LeaseGrant(boolean held, String holder, Instant expiresAt, String takenOverFrom) {
}
