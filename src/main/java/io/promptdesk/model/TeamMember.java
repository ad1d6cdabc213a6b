package io.promptdesk.model;

import java.util.Set;

/**
 * A login of a team store and the PromptDesk roles it holds (directly or through another role).
 *
 * @param owner     whether the login owns the store (made it with {@code store init}) or is a superuser: it may do
 *                  anything, whatever its roles
 */
public record TeamMember(String user, Set<Role> roles, boolean owner) {
    public TeamMember {
        roles = Set.copyOf(roles);
    }
}
