package io.promptdesk.app;

import io.promptdesk.model.AccessDenied;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Identity;
import io.promptdesk.model.Role;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What the person at this desk may do, for the console's buttons and the services behind them: the same answer the
 * CLI gets ({@link Access}), and on a team store the same the database enforces.
 */
public interface Permissions {
    /** Who is acting and the roles they hold. */
    Identity identity();

    /** Returns when {@code action} is allowed; otherwise records the refusal and throws {@link AccessDenied}. */
    void require(GuardedAction action, String subject);

    default boolean may(GuardedAction action) {
        return identity().may(action);
    }

    /**
     * Null when {@code action} is allowed; else what a disabled button says: "Needs the oncall role - you are ana
     * (viewer)".
     */
    default String whyNot(GuardedAction action) {
        if (may(action)) {
            return null;
        }
        Identity me = identity();
        String held = Arrays.stream(Role.values()).filter(me::holds).map(Role::key)
                .collect(Collectors.joining(", "));
        return "Needs the " + action.needs() + " role - you are " + me.user() + " (" + (held.isEmpty() ? "no role"
                : held) + "); ask a PromptDesk admin";
    }

    /** Everything allowed to {@code user}: the embedded store's one desk, and tests. */
    static Permissions everything(String user) {
        Identity all = Identity.everything(user, "embedded");
        return new Permissions() {
            @Override
            public Identity identity() {
                return all;
            }

            @Override
            public void require(GuardedAction action, String subject) {
            }
        };
    }
}
