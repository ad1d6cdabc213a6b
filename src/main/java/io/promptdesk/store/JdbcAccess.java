package io.promptdesk.store;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.model.AccessDenial;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Identity;
import io.promptdesk.model.Role;
import io.promptdesk.model.TeamMember;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who the store's login is and which roles it holds, the team's logins, granting and revoking roles, and the record
 * of refused attempts. On PostgreSQL the database answers (roles are PostgreSQL roles, see migration V7); the
 * embedded store has one desk, whose user holds every role.
 */
public final class JdbcAccess {
    private static final String ROLE_NAMES = "ARRAY['promptdesk_viewer', 'promptdesk_author', 'promptdesk_releaser', "
            + "'promptdesk_oncall', 'promptdesk_admin']";

    private final Database db;
    private final String embeddedUser;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param embeddedUser who acts on the embedded store (the operating-system user); unused on a team store
     * @param audit        where a grant or revoke is recorded, in its transaction
     */
    public JdbcAccess(Database db, String embeddedUser, AuditLog audit, Clock clock) {
        this.db = db;
        this.embeddedUser = embeddedUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Without an audit (reading who is acting, and tests). */
    public JdbcAccess(Database db, String embeddedUser) {
        this(db, embeddedUser, null, Clock.systemUTC());
    }

    private boolean team() {
        return db.kind() == StoreLocation.Kind.POSTGRESQL;
    }

    /** The login acting, from the database session (team store) or the operating-system user (embedded store). */
    public Identity identity() {
        if (!team()) {
            return Identity.everything(embeddedUser, db.describe());
        }
        return db.read(c -> {
            String user;
            boolean owner;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT session_user, promptdesk_is_owner()")) {
                rs.next();
                user = rs.getString(1);
                owner = rs.getBoolean(2);
            }
            Set<Role> roles = owner ? EnumSet.allOf(Role.class) : rolesOf(c, user);
            return new Identity(user, roles, owner, db.location().display());
        });
    }

    private static Set<Role> rolesOf(Connection c, String user) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : Jdbc.query(c, "SELECT r.rolname FROM pg_roles r WHERE r.rolname = ANY(" + ROLE_NAMES + ") "
                + "AND pg_has_role(?::name, r.oid, 'USAGE')", rs -> rs.getString(1), user)) {
            roles.add(Role.parse(r));
        }
        return roles;
    }

    /** Every login of the team store that holds a PromptDesk role or owns the store, by name. */
    public List<TeamMember> members() {
        if (!team()) {
            Identity me = identity();
            return List.of(new TeamMember(me.user(), me.roles(), true));
        }
        return db.read(c -> {
            List<TeamMember> members = new ArrayList<>();
            for (Object[] row : Jdbc.query(c, "SELECT u.rolname, pg_has_role(u.oid, (SELECT relowner FROM pg_class "
                    + "WHERE oid = 'audit_log'::regclass), 'MEMBER') AS owner, ARRAY(SELECT r.rolname FROM pg_roles r "
                    + "WHERE r.rolname = ANY(" + ROLE_NAMES + ") AND pg_has_role(u.oid, r.oid, 'USAGE')) AS roles "
                    + "FROM pg_roles u WHERE u.rolcanlogin ORDER BY u.rolname",
                    rs -> new Object[]{rs.getString(1), rs.getBoolean(2), strings(rs.getArray(3))})) {
                boolean owner = (Boolean) row[1];
                Set<Role> roles = EnumSet.noneOf(Role.class);
                for (String r : (String[]) row[2]) {
                    roles.add(Role.parse(r));
                }
                if (owner) {
                    roles = EnumSet.allOf(Role.class);
                }
                if (!roles.isEmpty()) {
                    members.add(new TeamMember((String) row[0], roles, owner));
                }
            }
            return members;
        });
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
    }

    /**
     * Grants {@code role} to the login {@code user}; true when it was granted now, false when the login held it.
     * The database checks that the caller may (an admin holds the admin option on the roles).
     */
    public boolean grant(String user, Role role) {
        requireTeam("grant a role");
        return db.write(c -> {
            requireLogin(c, user);
            if (directMember(c, user, role)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("GRANT " + role.sqlName() + " TO " + quoted(c, user));
            }
            audited(c, "role_granted", user, role);
            return true;
        });
    }

    /** Revokes {@code role} from the login {@code user}; true when it was revoked now, false when not granted. */
    public boolean revoke(String user, Role role) {
        requireTeam("revoke a role");
        return db.write(c -> {
            requireLogin(c, user);
            if (!directMember(c, user, role)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("REVOKE " + role.sqlName() + " FROM " + quoted(c, user));
            }
            audited(c, "role_revoked", user, role);
            return true;
        });
    }

    /** A grant or revoke in the audit chain, in the transaction that made it, by the login that made it. */
    private void audited(Connection c, String action, String user, Role role) throws SQLException {
        if (audit == null) {
            return;
        }
        String me = Jdbc.first(c, "SELECT session_user", rs -> rs.getString(1)).orElseThrow();
        audit.append(new AuditRecord(clock.instant(), me, action, user, "", Map.of("role", role.key()), null));
    }

    private void requireTeam(String what) {
        if (!team()) {
            throw new BadInputException("cannot " + what + " on the embedded store " + db.describe() + ": it has one "
                    + "desk, whose user holds every role; roles are for a team store (PostgreSQL, see the README's "
                    + "Team set-up)");
        }
    }

    private void requireLogin(Connection c, String user) throws SQLException {
        Optional<Boolean> login = Jdbc.first(c, "SELECT rolcanlogin FROM pg_roles WHERE rolname = ?",
                rs -> rs.getBoolean(1), user);
        if (login.isEmpty() || !login.get()) {
            throw new BadInputException("--user " + user + ": the team store " + db.location().display() + " has no "
                    + "login of that name; a database administrator creates it (CREATE ROLE " + user + " LOGIN "
                    + "PASSWORD '...') and then roles can be granted to it");
        }
    }

    private static boolean directMember(Connection c, String user, Role role) throws SQLException {
        return Jdbc.first(c, "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid "
                + "JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = ? AND u.rolname = ?", rs -> 1,
                role.sqlName(), user).isPresent();
    }

    private static String quoted(Connection c, String identifier) throws SQLException {
        return Jdbc.first(c, "SELECT quote_ident(?)", rs -> rs.getString(1), identifier).orElseThrow();
    }

    /**
     * Records a refused attempt in its own transaction; on a team store the database writes the login it sees as
     * the actor, whatever {@code actor} says. Never fails the caller: a refusal that cannot be recorded is logged.
     */
    public void recordDenial(Instant at, String actor, GuardedAction action, String subject, String detail) {
        db.write(c -> Jdbc.update(c, "INSERT INTO access_denials (at, actor, action, subject, needed, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?)", at.toEpochMilli(), actor, action.key(), subject, action.needs(), detail));
    }

    /** The latest refused attempts, newest first. */
    public List<AccessDenial> denials(int limit) {
        return db.read(c -> Jdbc.query(c, "SELECT id, at, actor, action, subject, needed, detail FROM access_denials "
                + "ORDER BY id DESC LIMIT ?", rs -> new AccessDenial(rs.getLong("id"),
                Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"), rs.getString("action"),
                rs.getString("subject"), rs.getString("needed"), rs.getString("detail")), limit));
    }
}
