package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Role;
import io.promptdesk.store.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles on a real PostgreSQL 15 team store, through the CLI and in SQL as each engineer's own login: every action
 * is allowed to exactly the roles that may take it; a refusal exits 2 naming the role, writes nothing but the record
 * of the refusal; the recorded actor is always the login, whatever name a client sends.
 */
class TeamRolesTest {
    static final String PASSWORD = "pd-role-test-pw";
    /** One login per role, plus one with none; logins and memberships belong to the whole server. */
    static final Map<String, Set<Role>> LOGINS = new LinkedHashMap<>();

    static {
        LOGINS.put("pd_t_viewer", EnumSet.of(Role.VIEWER));
        LOGINS.put("pd_t_author", EnumSet.of(Role.AUTHOR));
        LOGINS.put("pd_t_releaser", EnumSet.of(Role.RELEASER));
        LOGINS.put("pd_t_oncall", EnumSet.of(Role.ONCALL));
        LOGINS.put("pd_t_admin", EnumSet.of(Role.ADMIN));
        LOGINS.put("pd_t_nobody", EnumSet.noneOf(Role.class));
    }

    @TempDir
    Path dir;
    private String url;
    private Path template;

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    @BeforeAll
    static void logins() {
        LocalPostgres pg = LocalPostgres.shared();
        // The roles exist once any store was initialised on the server; make sure before granting them.
        pg.superuserSql("SELECT 1");
        for (String login : LOGINS.keySet()) {
            pg.ensureLogin(login, PASSWORD);
        }
    }

    @BeforeEach
    void store() throws Exception {
        url = LocalPostgres.shared().newDatabase();
        template = dir.resolve("t.prompt");
        Files.writeString(template, "Write a hook about {topic}");
        Result init = superuser("store", "init");
        assertThat(init.exit()).as(init.err()).isZero();
        for (Map.Entry<String, Set<Role>> e : LOGINS.entrySet()) {
            for (Role r : e.getValue()) {
                LocalPostgres.shared().superuserSql("GRANT " + r.sqlName() + " TO " + e.getKey());
            }
        }
        // production 1.0, a candidate 1.1 to roll out
        for (String v : List.of("1.0", "1.1")) {
            Result r = superuser("registry", "register", "--model", "hooks", "--version", v, "--template-file",
                    template.toString(), "--status", v.equals("1.0") ? "stable" : "candidate");
            assertThat(r.exit()).as(r.err()).isZero();
        }
    }

    private Result run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        Result r = new Result(exit, out.toString(), err.toString());
        assertThat(r.out() + r.err()).doesNotContain(PASSWORD).doesNotContain(LocalPostgres.SUPERUSER_PASSWORD);
        return r;
    }

    /** A command run by {@code login} at a desk of its own. */
    private Result withPassword(String login, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", dir.resolve(login).toString(), "--store-url",
                LocalPostgres.as(url, login, password)));
        return run(all.toArray(String[]::new));
    }

    private Result as(String login, String... args) {
        return withPassword(login, PASSWORD, args);
    }

    private Result superuser(String... args) {
        return withPassword(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD, args);
    }

    /** Each guarded action as a command line (with the state before it set up by the superuser). */
    private List<String> command(GuardedAction a) {
        return switch (a) {
            case REGISTER_VERSION -> List.of("registry", "register", "--model", "hooks", "--version", "1.2",
                    "--template-file", template.toString());
            case SET_ALIAS -> List.of("registry", "alias", "set", "--model", "hooks", "--alias", "previous",
                    "--version", "1.1");
            case START_ROLLOUT -> List.of("rollout", "start", "--deployment", "hooks", "--version", "1.1");
            case ADVANCE_ROLLOUT -> List.of("rollout", "advance", "--deployment", "hooks", "--percentage", "25");
            case FORCE_ROLLOUT -> List.of("rollout", "advance", "--deployment", "hooks", "--percentage", "25",
                    "--force", "--reason", "load test");
            case PAUSE_ROLLOUT -> List.of("rollout", "pause", "--deployment", "hooks", "--reason", "lunch");
            case RESUME_ROLLOUT -> List.of("rollout", "resume", "--deployment", "hooks");
            case COMPLETE_ROLLOUT -> List.of("rollout", "complete", "--deployment", "hooks", "--skip-final-checks");
            case ABORT_ROLLOUT -> List.of("rollout", "abort", "--deployment", "hooks", "--reason", "wrong build");
            case DRIVE_ROLLOUT -> List.of("rollout", "watch", "--deployment", "hooks", "--simulate",
                    "--time-scale", "600");
            case ROLLBACK -> List.of("rollback", "--model", "hooks", "--current-version", "1.1", "--reason",
                    "error spike");
            case RECONCILE -> List.of("reconcile", "--deployment", "hooks");
            case GRANT_ROLE -> List.of("team", "grant", "--user", "pd_t_nobody", "--role", "viewer");
            case REVOKE_ROLE -> List.of("team", "revoke", "--user", "pd_t_nobody", "--role", "viewer");
            case CHANGE_SETTINGS -> List.of();
        };
    }

    /** Every row count but the refusals': what "nothing written" is checked against. */
    private Map<String, Long> counts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = connect(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename NOT IN ('access_denials') ORDER BY tablename")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(sum(revision), 0) FROM rollouts")) {
                rs.next();
                counts.put("rollouts.revisions", rs.getLong(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT string_agg(alias || '=' || version, ',' ORDER BY alias) "
                    + "FROM model_aliases")) {
                rs.next();
                counts.put("aliases." + rs.getString(1), 0L);
            }
        }
        return counts;
    }

    private List<String[]> denials() throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT actor, action, needed FROM access_denials ORDER BY id")) {
            while (rs.next()) {
                rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return rows;
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:" + url, user, password);
    }

    @Test
    void everyActionIsRefusedToEveryLoginWhoseRolesDoNotAllowIt() throws Exception {
        // An active rollout, so that each rollout action would otherwise do something.
        Result start = superuser("rollout", "start", "--deployment", "hooks", "--version", "1.1");
        assertThat(start.exit()).as(start.err()).isZero();
        int refusals = 0;
        for (Map.Entry<String, Set<Role>> login : LOGINS.entrySet()) {
            for (GuardedAction a : GuardedAction.values()) {
                List<String> cmd = command(a);
                if (cmd.isEmpty() || a.allows(login.getValue())) {
                    continue;
                }
                Map<String, Long> before = counts();
                int denied = denials().size();
                Result r = as(login.getKey(), cmd.toArray(String[]::new));
                String what = login.getKey() + " " + String.join(" ", cmd);
                assertThat(r.exit()).as(what + "\n" + r.out() + r.err()).isEqualTo(2);
                assertThat(counts()).as(what + ": nothing written").isEqualTo(before);
                List<String[]> after = denials();
                assertThat(after).as(what + ": the refusal is recorded").hasSize(denied + 1);
                if (login.getValue().isEmpty()) {
                    // A login with no role cannot even read the store: refused at once, and recorded so.
                    assertThat(r.err()).as(what).contains("needs a PromptDesk role, viewer at least");
                    assertThat(after.get(after.size() - 1)).containsExactly(login.getKey(), "store_read", "viewer");
                } else {
                    assertThat(r.err()).as(what).contains("needs the " + a.needs() + " role")
                            .contains(login.getKey());
                    assertThat(after.get(after.size() - 1)).containsExactly(login.getKey(), a.key(), a.needs());
                }
                refusals++;
            }
        }
        assertThat(refusals).isGreaterThan(40);
        // The refusals show in history, newest first.
        Result history = as("pd_t_viewer", "history", "--denials", "--limit", "1000", "--json");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.json().get("denials")).hasSize(refusals);
    }

    @Test
    void eachRoleTakesItsActionsAndTheRecordNamesTheLoginWhateverTheClientSays() throws Exception {
        Result reg = as("pd_t_author", "registry", "register", "--model", "hooks", "--version", "1.2",
                "--template-file", template.toString(), "--actor", "mallory");
        assertThat(reg.exit()).as(reg.err()).isZero();
        for (List<String> step : List.of(
                List.of("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--actor", "mallory"),
                List.of("rollout", "pause", "--deployment", "hooks", "--reason", "lunch"),
                List.of("rollout", "resume", "--deployment", "hooks"),
                List.of("rollout", "advance", "--deployment", "hooks", "--percentage", "25", "--force",
                        "--reason", "load test"),
                List.of("reconcile", "--deployment", "hooks"))) {
            Result r = as("pd_t_releaser", step.toArray(String[]::new));
            assertThat(r.exit()).as(step + "\n" + r.err()).isZero();
        }
        Result rollback = as("pd_t_oncall", "rollback", "--model", "hooks", "--current-version", "1.1",
                "--reason", "error spike", "--triggered-by", "mallory", "--json");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.json().get("status").asText()).isEqualTo("success");
        assertThat(as("pd_t_oncall", "reconcile", "--deployment", "hooks").exit()).isZero();
        Result grant = as("pd_t_admin", "team", "grant", "--user", "pd_t_nobody", "--role", "viewer", "--json");
        assertThat(grant.exit()).as(grant.err()).isZero();
        try {
            assertThat(grant.json().get("changed").asBoolean()).isTrue();
            Result who = as("pd_t_nobody", "whoami", "--json");
            assertThat(who.json().get("roles")).extracting(JsonNode::asText).containsExactly("viewer");
        } finally {
            assertThat(as("pd_t_admin", "team", "revoke", "--user", "pd_t_nobody", "--role", "viewer").exit())
                    .isZero();
        }

        // Who did it is the login the database saw: "mallory" was never written.
        try (Connection c = connect(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            Map<String, String> actorOf = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT action, actor FROM audit_log WHERE actor <> 'postgres' "
                    + "ORDER BY seq")) {
                while (rs.next()) {
                    actorOf.merge(rs.getString(1), rs.getString(2), (x, y) -> x.equals(y) ? x : x + "," + y);
                }
            }
            assertThat(actorOf).containsEntry("registry_version_registered", "pd_t_author")
                    .containsEntry("rollout_started", "pd_t_releaser")
                    .containsEntry("rollout_paused", "pd_t_releaser")
                    .containsEntry("rollback_started", "pd_t_oncall")
                    .containsEntry("role_granted", "pd_t_admin").containsEntry("role_revoked", "pd_t_admin");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_log WHERE actor = 'mallory'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT triggered_by FROM rollbacks")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pd_t_oncall");
            }
        }
        assertThat(as("pd_t_viewer", "audit", "verify").exit()).isZero();
    }

    @Test
    void whoamiAndTeamListNameTheLoginsAndTheirRoles() throws Exception {
        Result who = as("pd_t_releaser", "whoami", "--json");
        assertThat(who.exit()).as(who.err()).isZero();
        JsonNode me = who.json();
        assertThat(me.get("user").asText()).isEqualTo("pd_t_releaser");
        assertThat(me.get("roles")).extracting(JsonNode::asText).containsExactly("releaser");
        assertThat(me.get("store").asText()).isEqualTo(url);
        assertThat(me.get("owner").asBoolean()).isFalse();

        Result list = as("pd_t_viewer", "team", "list", "--json");
        assertThat(list.exit()).as(list.err()).isZero();
        Map<String, List<String>> roles = new LinkedHashMap<>();
        list.json().get("users").forEach(u -> roles.put(u.get("user").asText(), toList(u.get("roles"))));
        assertThat(roles).containsEntry("pd_t_oncall", List.of("oncall")).containsEntry("pd_t_admin", List.of("admin"))
                .containsEntry("postgres", List.of("viewer", "author", "releaser", "oncall", "admin"))
                .doesNotContainKey("pd_t_nobody");

        // The admin role itself is the owner's to give; an unknown login or role is bad input.
        Result self = as("pd_t_admin", "team", "grant", "--user", "pd_t_nobody", "--role", "admin");
        assertThat(self.exit()).isEqualTo(2);
        assertThat(self.err()).contains("admin");
        Result ghost = as("pd_t_admin", "team", "grant", "--user", "nobody_here", "--role", "viewer");
        assertThat(ghost.exit()).isEqualTo(2);
        assertThat(ghost.err()).contains("no login of that name");
        Result badRole = as("pd_t_admin", "team", "grant", "--user", "pd_t_nobody", "--role", "god");
        assertThat(badRole.exit()).isEqualTo(2);
        assertThat(badRole.err()).contains("unknown role 'god'");
    }

    @Test
    void aStoreOwnerWithCreateRoleButNoSuperuserInitialisesItAndGrantsAdmin() throws Exception {
        LocalPostgres pg = LocalPostgres.shared();
        pg.ensureLogin("pd_t_owner", PASSWORD);
        pg.ensureLogin("pd_t_grantee", PASSWORD);
        pg.superuserSql("ALTER ROLE pd_t_owner CREATEROLE");
        String ownUrl = pg.newDatabase();
        String name = ownUrl.substring(ownUrl.lastIndexOf('/') + 1);
        pg.superuserSql("ALTER DATABASE " + name + " OWNER TO pd_t_owner");
        String keep = url;
        url = ownUrl;
        try {
            Result init = as("pd_t_owner", "store", "init");
            assertThat(init.exit()).as(init.out() + init.err()).isZero();
            // The first write to a new store may be any role's (here an author's, before the owner writes).
            Result first = as("pd_t_author", "registry", "register", "--model", "first", "--version", "1.0",
                    "--template-file", template.toString());
            assertThat(first.exit()).as(first.err()).isZero();
            Result who = as("pd_t_owner", "whoami", "--json");
            assertThat(who.json().get("owner").asBoolean()).isTrue();
            assertThat(who.json().get("roles")).hasSize(5);
            Result grant = as("pd_t_owner", "team", "grant", "--user", "pd_t_grantee", "--role", "admin");
            assertThat(grant.exit()).as(grant.err()).isZero();
            try {
                // The new admin hands out another role, and may not release by being admin.
                Result viewer = as("pd_t_grantee", "team", "grant", "--user", "pd_t_grantee", "--role", "viewer");
                assertThat(viewer.exit()).as(viewer.err()).isZero();
                Result mine = as("pd_t_grantee", "whoami", "--json");
                assertThat(mine.json().get("roles")).extracting(JsonNode::asText)
                        .containsExactly("viewer", "admin");
            } finally {
                pg.superuserSql("REVOKE promptdesk_admin, promptdesk_viewer FROM pd_t_grantee");
            }
            Result reg = as("pd_t_owner", "registry", "register", "--model", "own", "--version", "1.0",
                    "--template-file", template.toString(), "--actor", "mallory", "--json");
            assertThat(reg.exit()).as(reg.err()).isZero();
            assertThat(reg.json().toString()).contains("pd_t_owner").doesNotContain("mallory");
        } finally {
            url = keep;
        }
    }

    @Test
    void onlyTheStoresOwnerCopiesADesksHistoryInWithItsNames() throws Exception {
        Path desk = dir.resolve("desk");
        Result local = run("registry", "register", "--model", "local", "--version", "1.0", "--template-file",
                template.toString(), "--status", "stable", "--actor", "ana", "--workspace", desk.toString());
        assertThat(local.exit()).as(local.err()).isZero();
        Map<String, Long> before = counts();
        Result refused = run("store", "migrate", "--from-workspace", desk.toString(), "--to",
                LocalPostgres.as(url, "pd_t_admin", PASSWORD));
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("only the team store's owner").contains("nothing was copied");
        assertThat(counts()).isEqualTo(before);
        Result copied = run("store", "migrate", "--from-workspace", desk.toString(), "--to",
                LocalPostgres.as(url, LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD));
        assertThat(copied.exit()).as(copied.out() + copied.err()).isZero();
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void goingAroundPromptDeskInSqlAllowsNoMoreThanPromptDeskDoes() throws Exception {
        assertThat(superuser("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        Map<String, Long> before = counts();
        // What each action writes first, tried in SQL by every login; allowed exactly when the action is.
        List<Map.Entry<GuardedAction, String>> firstWrite = new ArrayList<>();
        firstWrite.add(Map.entry(GuardedAction.REGISTER_VERSION, "INSERT INTO models (name, created_at, created_by) "
                + "VALUES ('sql_model', 1, session_user)"));
        firstWrite.add(Map.entry(GuardedAction.PAUSE_ROLLOUT, "UPDATE rollouts SET status = 'paused', paused_at = 1, "
                + "revision = revision + 1 WHERE status = 'in_progress'"));
        firstWrite.add(Map.entry(GuardedAction.ADVANCE_ROLLOUT, "UPDATE deployment_state SET canary_percent = 50, "
                + "generation = generation + 1"));
        firstWrite.add(Map.entry(GuardedAction.SET_ALIAS, "UPDATE model_aliases SET version = '1.1' WHERE alias = 'production'"));
        firstWrite.add(Map.entry(GuardedAction.DRIVE_ROLLOUT, "INSERT INTO driver_leases VALUES ('hooks', session_user, 1, 1, 2)"));
        firstWrite.add(Map.entry(GuardedAction.ROLLBACK, "INSERT INTO rollbacks (rollback_id, model_name, from_version, "
                + "to_version, reason, triggered_by, skip_validation, status, step, switched, start_time, deadline, "
                + "owner, revision) VALUES ('rb-sql', 'hooks', '1.1', '1.0', 'sql', session_user, 0, 'failed', "
                + "'validate', 0, 1, 2, 'psql', 1)"));
        for (Map.Entry<String, Set<Role>> login : LOGINS.entrySet()) {
            try (Connection c = connect(login.getKey(), PASSWORD)) {
                c.setAutoCommit(false);
                for (Map.Entry<GuardedAction, String> w : firstWrite) {
                    boolean allowed = w.getKey().allows(login.getValue());
                    String what = login.getKey() + ": " + w.getValue();
                    try (Statement s = c.createStatement()) {
                        if (allowed) {
                            s.executeUpdate(w.getValue());
                        } else {
                            assertThatThrownBy(() -> s.executeUpdate(w.getValue())).as(what)
                                    .isInstanceOf(SQLException.class)
                                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                        }
                    } finally {
                        c.rollback();
                    }
                }
                // A version registered as stable is a release: it needs author and releaser, which no login here
                // holds together.
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeUpdate("INSERT INTO model_versions (model_name, version, "
                            + "template, dialect, status, created_at, created_by) VALUES ('hooks', '9.9', 't', "
                            + "'python_format', 'stable', 1, session_user)")).as(login.getKey() + ": a stable version")
                            .isInstanceOf(SQLException.class);
                } finally {
                    c.rollback();
                }
                // Everyone reads (a login with no role reads nothing).
                try (Statement s = c.createStatement()) {
                    if (login.getValue().isEmpty()) {
                        assertThatThrownBy(() -> s.executeQuery("SELECT count(*) FROM rollouts").close())
                                .isInstanceOf(SQLException.class);
                    } else {
                        s.executeQuery("SELECT count(*) FROM rollouts").close();
                    }
                } finally {
                    c.rollback();
                }
                // The audit accepts appends only, from every role; and only in the writer's own name.
                for (String sql : List.of("UPDATE audit_log SET reason = 'edited'", "DELETE FROM audit_log",
                        "UPDATE rollout_events SET reason = 'edited'", "DELETE FROM access_denials",
                        "INSERT INTO audit_log VALUES (999, 1, 'someone_else', 'rollback_started', 'x', 'hooks', "
                                + "'{}', NULL, repeat('0', 64), repeat('1', 64))")) {
                    try (Statement s = c.createStatement()) {
                        assertThatThrownBy(() -> s.executeUpdate(sql)).as(login.getKey() + ": " + sql)
                                .isInstanceOf(SQLException.class);
                    } finally {
                        c.rollback();
                    }
                }
            }
        }
        assertThat(counts()).isEqualTo(before);
        // Even the superuser's edit of the audit, made by disabling the rule, is caught by audit verify.
        LocalPostgres.shared().superuserSql(url.substring(url.lastIndexOf('/') + 1),
                "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; "
                        + "UPDATE audit_log SET actor = 'someone_else' WHERE seq = 1; "
                        + "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
        Result verify = as("pd_t_viewer", "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isEqualTo(1);
    }
}
