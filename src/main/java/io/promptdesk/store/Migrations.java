package io.promptdesk.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the schema scripts listed in {@code migrations/index.txt} in version order, each in its own transaction
 * together with its row in {@code schema_version}, so a crash leaves the schema at a whole version. Two processes
 * opening the same new file do not both migrate it: the version is re-read under the write lock.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    static final String DIRECTORY = "/io/promptdesk/store/migrations/";

    private final Database db;

    Migrations(Database db) {
        this.db = db;
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

    void apply() {
        List<Migration> known = known();
        // The usual case - the schema is current - takes no write lock: fifty commands started at once (an
        // emergency's storm of rollback triggers) must not queue behind each other just to find nothing to do.
        if (db.read(c -> hasSchemaTable(c) ? currentVersion(c) : -1) == known.size()) {
            return;
        }
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        for (Migration m : known) {
            db.write(c -> {
                int current = currentVersion(c);
                if (current < m.version()) {
                    for (String sql : SqlScript.statements(resource(m.resource()))) {
                        try (Statement s = c.createStatement()) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        p.setInt(1, m.version());
                        p.setString(2, m.description());
                        p.setLong(3, System.currentTimeMillis());
                        p.executeUpdate();
                    }
                    LOG.info("{}: applied schema migration {} ({})", db.file(), m.version(), m.description());
                }
                return null;
            });
        }
        int after = db.read(Migrations::currentVersion);
        if (after > known.size()) {
            throw new StoreException(StoreException.Problem.TOO_NEW, db.file(), db.file() + " has schema version "
                    + after + " but this PromptDesk knows only up to " + known.size()
                    + ": use a newer PromptDesk with this workspace", null);
        }
    }

    /** For a database opened read-only: its schema must be the one this build knows, as nothing can be migrated. */
    static void requireCurrent(Database db) {
        int known = known().size();
        int at = db.read(Migrations::currentVersion);
        if (at != known) {
            throw new StoreException(at > known ? StoreException.Problem.TOO_NEW : StoreException.Problem.UNAVAILABLE,
                    db.file(), db.file() + " has schema version " + at + " and this PromptDesk uses " + known
                    + (at > known ? ": use a newer PromptDesk with this workspace" : "; it is read-only here, so it "
                    + "cannot be upgraded: run any command once where the workspace is writable"), null);
        }
    }

    private static boolean hasSchemaTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                     + "AND name = 'schema_version'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
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
}
