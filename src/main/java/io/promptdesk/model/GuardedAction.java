package io.promptdesk.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An action a role is needed for, and which roles allow it (any one of them). The same table decides the console's
 * buttons, the CLI's refusals and the database's grants (PostgreSQL migration V7).
 */
public enum GuardedAction {
    REGISTER_VERSION("register a version", Role.AUTHOR),
    SET_ALIAS("move an alias", Role.RELEASER),
    START_ROLLOUT("start a rollout", Role.RELEASER),
    ADVANCE_ROLLOUT("advance a rollout", Role.RELEASER),
    FORCE_ROLLOUT("force a rollout's traffic", Role.RELEASER),
    PAUSE_ROLLOUT("pause a rollout", Role.RELEASER),
    RESUME_ROLLOUT("resume a rollout", Role.RELEASER),
    COMPLETE_ROLLOUT("complete a rollout", Role.RELEASER),
    ABORT_ROLLOUT("abort a rollout", Role.RELEASER),
    DRIVE_ROLLOUT("drive a rollout's health checks", Role.RELEASER),
    ROLLBACK("roll back", Role.ONCALL),
    RECONCILE("re-apply the stored desired state", Role.RELEASER, Role.ONCALL),
    GRANT_ROLE("grant a role", Role.ADMIN),
    REVOKE_ROLE("revoke a role", Role.ADMIN),
    CHANGE_SETTINGS("change store and connection settings", Role.ADMIN);

    private final String description;
    private final Set<Role> allowedTo;

    GuardedAction(String description, Role first, Role... more) {
        this.description = description;
        this.allowedTo = EnumSet.of(first, more);
    }

    /** What the action is, for a person: "roll back". */
    public String description() {
        return description;
    }

    /** The roles any one of which allows the action. */
    public Set<Role> allowedTo() {
        return Set.copyOf(allowedTo);
    }

    public boolean allows(Set<Role> held) {
        return held.stream().anyMatch(allowedTo::contains);
    }

    /** The roles that allow it, for a person: "oncall", "releaser or oncall". */
    public String needs() {
        return allowedTo.stream().map(Role::key).collect(Collectors.joining(" or "));
    }

    /** The name recorded for a refused attempt: {@code rollback}, {@code start_rollout}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
