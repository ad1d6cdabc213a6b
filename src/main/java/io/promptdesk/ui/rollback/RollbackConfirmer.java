package io.promptdesk.ui.rollback;

import java.util.Optional;

/**
 * Asks the person to confirm a rollback and say why. Its own port rather than a general dialog: the dialog
 * focuses Cancel, so an Enter pressed in a hurry never rolls back.
 */
@FunctionalInterface
public interface RollbackConfirmer {

    /**
     * @param action        what will happen, e.g. "Roll back content-generator 3.2.1 -> 3.1.4"
     * @param defaultReason the reason offered in the field
     * @return the reason given, or empty when cancelled
     */
    Optional<String> confirm(String action, String defaultReason);
}
