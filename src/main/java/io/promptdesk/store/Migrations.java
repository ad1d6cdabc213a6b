package io.promptdesk.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema, migrated by Flyway from the scripts of the store's dialect ({@code migrations/sqlite/} or
 * {@code migrations/postgresql/}, the same versions listed in {@code migrations/index.txt}). Each version is applied
 * in its own transaction with its row in {@code flyway_schema_history}, so a crash leaves the schema at a whole
 * version.
 * <p>
 * A workspace made before Flyway kept its version in {@code schema_version}; it is baselined at that version and
 * upgraded in place, nothing lost. The usual case - the schema is current - is read in one query and starts no
 * Flyway at all. Two processes opening a new workspace file take turns through a lock file beside it (Flyway locks a
 * PostgreSQL store itself).
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String DIRECTORY = "/io/promptdesk/store/migrations/";
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String LEGACY_TABLE = "schema_version";

    private Migrations() {
    }

    /** The migrations shipped with this build, in order; versions are 1, 2, 3 ... without gaps. */
    static List<Migration> known() {
        List<Migration> list = new ArrayList<>();
        for (String line : resource(DIRECTORY + "index.txt").split("\r?\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                Migration m = Migration.of(DIRECTORY, name);
                if (m.version() != list.size() + 1) {
                    throw new IllegalStateException("migration " + name + " is out of order: expected version "
                            + (list.size() + 1));
                }
                list.add(m);
            }
        }
        return List.copyOf(list);
    }

    /** The folder of the dialect's scripts, as a classpath resource folder. */
    static String folder(StoreLocation.Kind kind) {
        return DIRECTORY + kind.key() + "/";
    }

    static void apply(Database db) {
        int latest = known().size();
        if (db.read(Migrations::currentVersion) == latest) {
            return;
        }
        if (db.kind() == StoreLocation.Kind.SQLITE) {
            withFileLock(db.file(), () -> FlywayRun.migrate(db));
        } else {
            FlywayRun.migrate(db);
        }
        int after = db.read(Migrations::currentVersion);
        if (after > latest) {
            throw tooNew(db, after, latest);
        }
    }

    private static StoreException tooNew(Database db, int at, int known) {
        return new StoreException(StoreException.Problem.TOO_NEW, db.location(), db.describe() + " has schema version "
                + at + " but this PromptDesk knows only up to " + known + ": use a newer PromptDesk with this "
                + (db.kind() == StoreLocation.Kind.SQLITE ? "workspace" : "store"), null);
    }

    /** For a store that is not migrated here (read-only, or a team store): its schema must be the current one. */
    static void requireCurrent(Database db) {
        int known = known().size();
        int at = db.read(Migrations::currentVersion);
        if (at == known) {
            return;
        }
        if (at > known) {
            throw tooNew(db, at, known);
        }
        String how = db.kind() == StoreLocation.Kind.SQLITE
                ? "; it is read-only here, so it cannot be upgraded: run any command once where the workspace is "
                + "writable"
                : at == 0 ? ": the team store has no PromptDesk schema yet - run `promptdesk store init` once"
                : ": run `promptdesk store init` to upgrade the team store";
        throw new StoreException(StoreException.Problem.UNAVAILABLE, db.location(), db.describe()
                + " has schema version " + at + " and this PromptDesk uses " + known + how, null);
    }

    /** The highest version applied: Flyway's history, else the pre-Flyway table, else 0. */
    static int currentVersion(Connection c) throws SQLException {
        if (hasTable(c, HISTORY_TABLE)) {
            int max = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM " + HISTORY_TABLE
                         + " WHERE success = " + (isSqlite(c) ? "1" : "TRUE") + " AND version IS NOT NULL")) {
                while (rs.next()) {
                    try {
                        max = Math.max(max, Integer.parseInt(rs.getString(1).strip()));
                    } catch (NumberFormatException e) {
                        // a version this build did not write (e.g. 5.1): leave it to Flyway's validation
                    }
                }
            }
            return max;
        }
        return legacyVersion(c);
    }

    private static int legacyVersion(Connection c) throws SQLException {
        if (!hasTable(c, LEGACY_TABLE)) {
            return 0;
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + LEGACY_TABLE)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static boolean hasTable(Connection c, String table) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        String name = isSqlite(c) ? table : table.toLowerCase(Locale.ROOT);
        try (ResultSet rs = meta.getTables(null, null, name, new String[]{"TABLE"})) {
            while (rs.next()) {
                if (isSqlite(c) || schemaVisible(c, rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean schemaVisible(Connection c, String schema) throws SQLException {
        String current = c.getSchema();
        return schema == null || schema.equals(current);
    }

    private static boolean isSqlite(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:sqlite:");
    }

    private static void withFileLock(Path dbFile, Runnable work) {
        Path lockFile = dbFile.resolveSibling(dbFile.getFileName() + ".migrating");
        try {
            io.promptdesk.files.OwnerOnly.createFile(lockFile);
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                work.run();
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, dbFile, "cannot take the migration lock "
                    + lockFile + ": " + e.getMessage() + "; choose a writable --workspace", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flyway itself, in a class of its own: loaded only when a schema is to be made or upgraded, so opening a current
     * workspace (every command, every console start) loads none of it.
     */
    private static final class FlywayRun {
        private FlywayRun() {
        }

        static void migrate(Database db) {
            int legacy = db.read(c -> hasTable(c, HISTORY_TABLE) ? 0 : legacyVersion(c));
            try {
                var config = Flyway.configure(Migrations.class.getClassLoader())
                        .dataSource(db.dataSource())
                        .locations("classpath:" + folder(db.kind()).substring(1))
                        .table(HISTORY_TABLE)
                        .validateMigrationNaming(true)
                        .mixed(false)
                        .cleanDisabled(true);
                if (legacy > 0) {
                    config = config.baselineOnMigrate(true).baselineVersion(Integer.toString(legacy))
                            .baselineDescription("schema_version " + legacy + " (before Flyway)");
                }
                int current = db.read(Migrations::currentVersion);
                if (current > known().size()) {
                    throw tooNew(db, current, known().size());
                }
                MigrateResult result = config.load().migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("{}: applied {} schema migration(s), now at version {}", db.describe(),
                            result.migrationsExecuted, result.targetSchemaVersion);
                }
            } catch (FlywayException e) {
                throw new StoreException(StoreException.Problem.OTHER, db.location(), db.describe()
                        + ": the schema could not be brought to version " + known().size() + ": " + e.getMessage()
                        + "; nothing after the last whole version was kept", e);
            }
        }
    }
}
