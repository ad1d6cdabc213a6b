package io.promptdesk.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is acting on a store and what they may do: on a team store the PostgreSQL login ({@code session_user}) and the
 * PromptDesk roles it holds; on the embedded store the operating-system user, who holds every role.
 *
 * @param user  the login (team store) or the operating-system user (embedded store)
 * @param roles the roles held, directly or through another role; every role for the store's owner
 * @param owner whether this login owns the store's schema (made it with {@code store init}) or is a superuser
 * @param store the store, as shown to a person (its URL without secrets, or the workspace file)
 */
public record Identity(String user, Set<Role> roles, boolean owner, String store) {
    public Identity {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Identity everything(String user, String store) {
        return new Identity(user, EnumSet.allOf(Role.class), true, store);
    }

    public boolean may(GuardedAction action) {
        return action.allows(roles);
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }
}
