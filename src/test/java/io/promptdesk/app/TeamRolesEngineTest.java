package io.promptdesk.app;

import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.rollback.RollbackListener;
import io.promptdesk.engine.rollback.RollbackRequest;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.model.AccessDenied;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Role;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.LocalPostgres;
import io.promptdesk.store.StoreException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roles through the engine API, below the CLI's checks, on a real PostgreSQL 15: the database refuses what a login's
 * roles do not allow (a StoreException naming the roles that may, nothing written, the refusal recorded), and refuses
 * a record in any name but the login's.
 */
class TeamRolesEngineTest {
    private static final String PASSWORD = "pd-role-engine-pw";
    /** Rows a register, a rollout start or a rollback adds one of. */
    private static final String WRITES = "SELECT (SELECT count(*) FROM model_versions) + (SELECT count(*) FROM "
            + "rollouts) + (SELECT count(*) FROM rollbacks)";
    @TempDir
    Path dir;
    private String url;

    @BeforeAll
    static void logins() {
        LocalPostgres pg = LocalPostgres.shared();
        for (String r : List.of("viewer", "author", "releaser", "oncall", "admin")) {
            pg.ensureLogin("pd_e_" + r, PASSWORD);
        }
    }

    @BeforeEach
    void store() {
        url = LocalPostgres.shared().newDatabase();
        try (Database init = Database.openAndMigrate(LocalPostgres.superuser(url), DatabaseOptions.defaults());
             Engines e = engines(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD)) {
            ModelRegistry registry = e.registry();
            registry.register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                    VersionStatus.STABLE, Map.of()), e.by("first"));
            registry.register(new NewVersion("hooks", "1.1", "Write a hook about {topic}, again", null, null,
                    VersionStatus.CANDIDATE, Map.of()), e.by("second"));
        }
        for (String r : List.of("viewer", "author", "releaser", "oncall", "admin")) {
            LocalPostgres.shared().superuserSql("GRANT "
                    + Role.parse(r).sqlName() + " TO pd_e_" + r);
        }
    }

    private Engines engines(String user, String password) {
        return Engines.open(Engines.Config.of(dir.resolve(user)).withActor("mallory")
                .withStore(new StoreSettings(StoreSettings.POSTGRESQL, url, user, "PD_PW", null))
                .withEnvironment(k -> k.equals("PD_PW") ? password : null));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:" + url, LocalPostgres.SUPERUSER,
                LocalPostgres.SUPERUSER_PASSWORD); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each engine call a role is for, straight through the engine API: allowed exactly to that role. */
    @Test
    void throughTheEngineApiEachCallIsAllowedExactlyToItsRole() throws Exception {
        RolloutPlan plan = RolloutPlan.of(null, null, null, null, null, null, null);
        for (Role role : List.of(Role.VIEWER, Role.AUTHOR, Role.RELEASER, Role.ONCALL, Role.ADMIN)) {
            store();
            try (Engines owner = engines(LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD)) {
                // A second deployment, mid-rollout: what a rollback rolls back.
                owner.registry().register(new NewVersion("tips", "1.0", "Tip {topic}", null, null,
                        VersionStatus.STABLE, Map.of()), owner.by("first"));
                owner.registry().register(new NewVersion("tips", "1.1", "Tip on {topic}", null, null,
                        VersionStatus.CANDIDATE, Map.of()), owner.by("second"));
                owner.manager("tips").startRollout("1.1", plan, owner.by("go"));
            }
            String login = "pd_e_" + role.key();
            try (Engines e = engines(login, PASSWORD)) {
                String what = login + " registers";
                Runnable register = () -> e.registry().register(new NewVersion("hooks", "2.0", "Write {topic}",
                        null, null, VersionStatus.CANDIDATE, Map.of()), e.by("api"));
                expect(role == Role.AUTHOR, register, what);
                expect(role == Role.RELEASER, () -> e.manager("hooks").startRollout("1.1", plan, e.by("api")),
                        login + " starts a rollout");
                expect(role == Role.ONCALL, () -> e.rollbackController().trigger(new RollbackRequest("tips", "1.1",
                        null, "api", e.actor(), false), RollbackListener.NONE), login + " rolls back");
            }
        }
    }

    private void expect(boolean allowed, Runnable call, String what) throws SQLException {
        long rows = count(WRITES);
        if (allowed) {
            call.run();
            assertThat(count(WRITES)).as(what).isEqualTo(rows + 1);
        } else {
            assertThatThrownBy(call::run).as(what).isInstanceOf(StoreException.class)
                    .satisfies(x -> assertThat(((StoreException) x).problem()).isEqualTo(StoreException.Problem.DENIED));
            assertThat(count(WRITES)).as(what + ": nothing written").isEqualTo(rows);
        }
    }

    @Test
    void theDatabaseRefusesWhatTheLoginsRolesDoNotAllowAndRecordsIt() throws Exception {
        RolloutPlan plan = RolloutPlan.of(null, null, null, null, null, null, null);
        try (Engines viewer = engines("pd_e_viewer", PASSWORD)) {
            assertThat(viewer.actor()).isEqualTo("pd_e_viewer");
            assertThat(viewer.access().identity().roles()).containsExactly(Role.VIEWER);
            assertThatThrownBy(() -> viewer.access().require(GuardedAction.START_ROLLOUT, "hooks"))
                    .isInstanceOf(AccessDenied.class).hasMessageContaining("needs the releaser role");
            // Going past the check, straight to the engine: the database refuses.
            assertThatThrownBy(() -> viewer.manager("hooks").startRollout("1.1", plan, viewer.by("go")))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).problem()).isEqualTo(StoreException.Problem.DENIED))
                    .hasMessageContaining("needs the releaser role");
        }
        assertThat(count("SELECT count(*) FROM rollouts")).isZero();
        assertThat(count("SELECT count(*) FROM access_denials WHERE actor = 'pd_e_viewer' AND action = 'start_rollout'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM access_denials WHERE actor = 'pd_e_viewer' AND action = 'store_write' "
                + "AND needed = 'releaser'")).isEqualTo(1);

        try (Engines oncall = engines("pd_e_oncall", PASSWORD)) {
            assertThatThrownBy(() -> oncall.manager("hooks").startRollout("1.1", plan, oncall.by("go")))
                    .isInstanceOf(StoreException.class);
        }
        assertThat(count("SELECT count(*) FROM rollouts")).isZero();
    }

    @Test
    void aRecordInAnyNameButTheLoginsIsRefusedAndTheEnginesWriteTheLogin() throws Exception {
        RolloutPlan plan = RolloutPlan.of(null, null, null, null, null, null, null);
        try (Engines releaser = engines("pd_e_releaser", PASSWORD)) {
            // The configured actor ("mallory") is not used on a team store.
            assertThat(releaser.actor()).isEqualTo("pd_e_releaser");
            assertThatThrownBy(() -> releaser.manager("hooks").startRollout("1.1", plan,
                    Attribution.of("mallory", "forged"))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("must be the login writing it");
            assertThat(count("SELECT count(*) FROM rollouts")).isZero();
            releaser.manager("hooks").startRollout("1.1", plan, releaser.by("go"));
        }
        assertThat(count("SELECT count(*) FROM rollout_events WHERE actor = 'pd_e_releaser'")).isEqualTo(1);
        try (Engines oncall = engines("pd_e_oncall", PASSWORD)) {
            // The rollback's first write (its record, before any effect) is refused: nothing switched.
            assertThatThrownBy(() -> oncall.rollbackController().trigger(new RollbackRequest("hooks", "1.1", null,
                    "spike", "mallory", false), RollbackListener.NONE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("rollbacks.triggered_by must be the login writing it (pd_e_oncall)");
            assertThat(count("SELECT count(*) FROM rollbacks")).isZero();
            var real = oncall.rollbackController().trigger(new RollbackRequest("hooks", "1.1", null, "spike",
                    oncall.actor(), false), RollbackListener.NONE);
            assertThat(real.result().status()).as(String.valueOf(real.result().error()))
                    .isEqualTo(RollbackStatus.SUCCESS);
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE actor = 'mallory'")).isZero();
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'rollback_succeeded' AND actor = "
                + "'pd_e_oncall'")).isEqualTo(1);
    }
}
