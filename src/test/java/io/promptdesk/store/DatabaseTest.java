package io.promptdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    @TempDir
    Path dir;

    private Path file() {
        return Workspace.databaseFile(dir);
    }

    @Test
    void opensInWalModeWithForeignKeysAndABusyTimeout() {
        try (Database db = Database.open(file())) {
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("15000");
            assertThat(pragma(db, "synchronous")).isEqualTo("2");
        }
    }

    @Test
    void appliesEveryMigrationOnceInOrderAndRecordsIt() {
        List<Migration> known = Migrations.known();
        assertThat(known).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7);
        try (Database db = Database.open(file())) {
            assertThat(db.schemaVersion()).isEqualTo(known.size());
        }
        try (Database db = Database.open(file())) {
            List<String> rows = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT version, description FROM flyway_schema_history "
                             + "WHERE success = 1 ORDER BY installed_rank")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                return out;
            });
            assertThat(rows).containsExactly("1 registry", "2 rollouts", "3 remote registry history",
                    "4 rollbacks and audit", "5 desired state", "6 driver leases", "7 roles");
        }
    }

    @Test
    void aWorkspaceMadeBeforeFlywayIsUpgradedInPlaceWithNothingLost() throws Exception {
        // As the hand-written runner left it: versions 1-3 in schema_version, and data.
        org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:" + file(), null, null)
                .locations("classpath:io/promptdesk/store/migrations/sqlite").target("3").load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE flyway_schema_history");
            s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, "
                    + "applied_at BIGINT NOT NULL)");
            s.execute("INSERT INTO schema_version VALUES (1, 'registry', 1), (2, 'rollouts', 2), "
                    + "(3, 'remote registry history', 3)");
            s.execute("INSERT INTO models (name, created_at, created_by) VALUES ('kept', 1, 'me')");
        }
        try (Database db = Database.open(file())) {
            assertThat(db.schemaVersion()).isEqualTo(Migrations.known().size());
            String keptBy = db.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT created_by FROM models WHERE name = 'kept'")) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(keptBy).isEqualTo("me");
            List<String> history = db.read(c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT type, version FROM flyway_schema_history "
                             + "ORDER BY installed_rank")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2));
                    }
                }
                return out;
            });
            assertThat(history).containsExactly("BASELINE 3", "SQL 4", "SQL 5", "SQL 6", "SQL 7");
        }
    }

    @Test
    void historyTablesRejectUpdatesAndDeletes() {
        try (Database db = Database.open(file())) {
            db.write(c -> {
                exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')");
                exec(c, "INSERT INTO model_versions (model_name, version, template, dialect, status, created_at, "
                        + "created_by) VALUES ('m', '1', 'Hi', 'PYTHON_FORMAT', 'candidate', 1, 'me')");
                exec(c, "INSERT INTO registry_events (model_name, seq, at, actor, kind) VALUES ('m', 1, 1, 'me', 'x')");
                exec(c, "INSERT INTO rollouts (rollout_id, deployment_name, new_version, stages, health_metrics, "
                        + "thresholds, stage_duration_ms, health_check_interval_ms, on_unhealthy, status, current_stage, "
                        + "current_percentage, start_time, stage_started_at, revision) VALUES ('r', 'm', '1', '10,100', "
                        + "'error_rate', '{}', 1000, 1000, 'pause', 'in_progress', 0, 10, 1, 1, 1)");
                exec(c, "INSERT INTO rollout_events (rollout_id, seq, at, actor, kind, to_status, to_percentage, stage, "
                        + "forced) VALUES ('r', 1, 1, 'me', 'started', 'in_progress', 10, 0, 0)");
                exec(c, "INSERT INTO health_checks (rollout_id, seq, at, actor, check_trigger, stage, percentage, "
                        + "outcome, window_start, window_end, report) VALUES ('r', 1, 1, 'me', 'scheduled', 0, 10, "
                        + "'healthy', 0, 1, '[]')");
                return null;
            });
            for (String table : List.of("registry_events", "rollout_events", "health_checks")) {
                for (String sql : List.of("UPDATE " + table + " SET actor = 'someone else'", "DELETE FROM " + table)) {
                    assertThatThrownBy(() -> db.write(c -> exec(c, sql)))
                            .isInstanceOf(StoreException.class)
                            .hasMessageContaining(table + " is append-only")
                            .extracting(e -> ((StoreException) e).problem())
                            .isEqualTo(StoreException.Problem.CONSTRAINT);
                }
                assertThat(count(db, table)).isEqualTo(1);
            }
            // The current state of a rollout is not history: it is updated in place.
            db.write(c -> exec(c, "UPDATE rollouts SET status = 'paused'"));
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database db = Database.open(file())) {
            assertThatThrownBy(() -> db.write(c -> {
                exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(count(db, "models")).isZero();
            db.write(c -> exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')"));
            assertThat(count(db, "models")).isEqualTo(1);
        }
    }

    @Test
    void nestedWritesJoinTheOuterTransaction() {
        try (Database db = Database.open(file())) {
            assertThatThrownBy(() -> db.write(c -> {
                db.write(inner -> exec(inner, "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')"));
                throw new IllegalStateException("outer fails");
            })).hasMessage("outer fails");
            assertThat(count(db, "models")).isZero();
        }
    }

    @Test
    void aCorruptFileIsNamedWithWhatToDo() throws Exception {
        Files.write(file(), "this is not a database, just some text that fills the header and more".repeat(20)
                .getBytes());
        assertThatThrownBy(() -> Database.open(file()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("restore it from a backup")
                .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.CORRUPT);
    }

    @Test
    void aFileLockedByAnotherWriterFailsAfterTheBusyTimeout() throws Exception {
        Database.open(file()).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
             Database db = Database.open(file(), DatabaseOptions.defaults().withBusyTimeout(Duration.ofMillis(50)))) {
            exec(other, "BEGIN IMMEDIATE");
            assertThatThrownBy(() -> db.write(c -> exec(c,
                    "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')")))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is locked by another process")
                    .hasMessageContaining(file().toString())
                    .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.LOCKED);
            exec(other, "ROLLBACK");
            db.write(c -> exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('m', 1, 'me')"));
            assertThat(count(db, "models")).isEqualTo(1);
        }
    }

    @Test
    void aFullDiskKeepsWhatWasCommittedAndTheFileUsable() {
        Database.open(file()).close();
        long pages;
        try (Database db = Database.open(file())) {
            db.write(c -> exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('kept', 1, 'me')"));
            pages = Long.parseLong(pragma(db, "page_count"));
        }
        try (Database db = Database.open(file(), DatabaseOptions.defaults().withMaxPageCount(pages + 1))) {
            String big = "x".repeat(200_000);
            assertThatThrownBy(() -> db.write(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO models (name, created_at, created_by) VALUES (?, 1, 'me')")) {
                    p.setString(1, big);
                    return p.executeUpdate();
                }
            })).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is full")
                    .hasMessageContaining(file().toString())
                    .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.FULL);
            assertThat(count(db, "models")).isEqualTo(1);
            db.write(c -> exec(c, "INSERT INTO models (name, created_at, created_by) VALUES ('small', 1, 'me')"));
            assertThat(count(db, "models")).isEqualTo(2);
        }
    }

    @Test
    void aFileFromANewerSchemaIsRefused() {
        try (Database db = Database.open(file())) {
            db.write(c -> exec(c, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                    + "script, installed_by, execution_time, success) VALUES (99, '99', 'x', 'SQL', 'V99__x.sql', "
                    + "'me', 1, 1)"));
        }
        assertThatThrownBy(() -> Database.open(file()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.TOO_NEW);
    }

    @Test
    void anUnwritableFolderIsNamed() throws Exception {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> Database.open(blocker.resolve("sub").resolve(Workspace.DATABASE_FILE)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot create the folder")
                .extracting(e -> ((StoreException) e).problem()).isEqualTo(StoreException.Problem.UNAVAILABLE);
    }

    private static Object exec(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        return null;
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static int count(Database db, String table) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
