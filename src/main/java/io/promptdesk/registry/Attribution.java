package io.promptdesk.registry;

import io.promptdesk.model.BadInputException;

/**
 * Who makes a change and why; the time comes from the registry's clock. Recorded with every change in the
 * append-only history.
 */
public record Attribution(String actor, String reason) {
    public Attribution {
        if (actor == null || actor.isBlank()) {
            throw new BadInputException("every change needs the name of who makes it");
        }
        actor = actor.strip();
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public static Attribution of(String actor, String reason) {
        return new Attribution(actor, reason);
    }

    /** The operating-system user, the default actor of the CLI and the console. */
    public static String currentUser() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
