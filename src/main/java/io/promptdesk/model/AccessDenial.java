package io.promptdesk.model;

import java.time.Instant;

/**
 * A refused attempt, as the store recorded it: who (the login the database saw), what, when, and the role it needed.
 *
 * @param subject what it was tried on (a deployment, a rollout, a login), or null
 * @param detail  the refusal as the person saw it
 */
public record AccessDenial(long id, Instant at, String actor, String action, String subject, String needed,
                           String detail) {
}
