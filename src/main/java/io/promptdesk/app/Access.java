package io.promptdesk.app;

import io.promptdesk.model.AccessDenial;
import io.promptdesk.model.AccessDenied;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Identity;
import io.promptdesk.model.Role;
import io.promptdesk.model.TeamMember;
import io.promptdesk.store.JdbcAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Who is acting and what they may do, asked once of the store and checked before an action writes anything. A
 * refusal is recorded (who, what, when) and thrown as {@link AccessDenied} naming the role needed. On a team store
 * the database enforces the same rules again (its grants), so this check is for a clear message and a record, not
 * the only guard.
 */
public final class Access implements Permissions {
    private static final Logger LOG = LoggerFactory.getLogger(Access.class);

    private final JdbcAccess store;
    private final Clock clock;
    private volatile Identity identity;

    Access(JdbcAccess store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Who the store's login is and the roles it holds (asked once; {@link #refresh()} asks again). */
    @Override
    public Identity identity() {
        Identity i = identity;
        if (i == null) {
            i = store.identity();
            identity = i;
        }
        return i;
    }

    /** Asks the store again (after a grant or revoke). */
    public Identity refresh() {
        identity = null;
        return identity();
    }

    /**
     * Returns when the login may take {@code action}; otherwise records the refusal and throws. {@code subject} names
     * what it was tried on (a deployment), for the record and the message.
     */
    @Override
    public void require(GuardedAction action, String subject) {
        Identity me = identity();
        if (me.may(action)) {
            return;
        }
        AccessDenied denied = new AccessDenied(me.user(), action, subject);
        try {
            store.recordDenial(clock.instant(), me.user(), action, subject, denied.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("could not record that {} was refused {}: {}", me.user(), action.key(), e.getMessage());
        }
        throw denied;
    }

    public List<TeamMember> members() {
        return store.members();
    }

    /** Grants {@code role} to {@code user} (admin only); true when granted now, false when already held. */
    public boolean grant(String user, Role role) {
        require(GuardedAction.GRANT_ROLE, user);
        return store.grant(user, role);
    }

    /** Revokes {@code role} from {@code user} (admin only); true when revoked now, false when not granted. */
    public boolean revoke(String user, Role role) {
        require(GuardedAction.REVOKE_ROLE, user);
        return store.revoke(user, role);
    }

    /** The latest refused attempts, newest first. */
    public List<AccessDenial> denials(int limit) {
        return store.denials(limit);
    }
}
