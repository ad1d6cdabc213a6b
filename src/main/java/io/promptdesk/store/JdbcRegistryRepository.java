package io.promptdesk.store;

import io.promptdesk.model.TemplateDialect;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryEventKind;
import io.promptdesk.registry.RegistryRepository;
import io.promptdesk.registry.VersionStatus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The registry aggregate in the workspace database; plain SQL that PostgreSQL also runs. */
public final class JdbcRegistryRepository implements RegistryRepository {
    private static final String VERSION_COLUMNS =
            "model_name, version, template, dialect, test_report, status, created_by, created_at";

    private final Database db;

    private final JdbcAuditLog audit;

    public JdbcRegistryRepository(Database db) {
        this.db = db;
        this.audit = new JdbcAuditLog(db);
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return db.write(c -> work.get());
    }

    @Override
    public Optional<Model> findModel(String model) {
        return db.read(c -> Jdbc.first(c, "SELECT name, created_by, created_at FROM models WHERE name = ?",
                rs -> model(c, rs), model));
    }

    @Override
    public List<Model> models() {
        return db.read(c -> Jdbc.query(c, "SELECT name, created_by, created_at FROM models ORDER BY name",
                rs -> model(c, rs)));
    }

    private Model model(Connection c, ResultSet rs) throws SQLException {
        String name = rs.getString("name");
        int count = Jdbc.first(c, "SELECT count(*) FROM model_versions WHERE model_name = ?", r -> r.getInt(1), name)
                .orElse(0);
        return new Model(name, rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")),
                aliases(c, name), count);
    }

    @Override
    public void insertModel(String model, Instant at, String by) {
        db.write(c -> Jdbc.update(c, "INSERT INTO models (name, created_at, created_by) VALUES (?, ?, ?)",
                model, at.toEpochMilli(), by));
    }

    @Override
    public Optional<ModelVersion> findVersion(String model, String version) {
        return db.read(c -> Jdbc.first(c, "SELECT " + VERSION_COLUMNS
                        + " FROM model_versions WHERE model_name = ? AND version = ?", rs -> version(c, rs),
                model, version));
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return db.read(c -> Jdbc.query(c, "SELECT " + VERSION_COLUMNS
                + " FROM model_versions WHERE model_name = ? ORDER BY created_at, version", rs -> version(c, rs), model));
    }

    private static ModelVersion version(Connection c, ResultSet rs) throws SQLException {
        String model = rs.getString("model_name");
        String version = rs.getString("version");
        Map<String, String> tags = new TreeMap<>();
        for (String[] kv : Jdbc.query(c, "SELECT tag_key, tag_value FROM model_tags WHERE model_name = ? AND version = ?",
                r -> new String[]{r.getString(1), r.getString(2)}, model, version)) {
            tags.put(kv[0], kv[1]);
        }
        return new ModelVersion(model, version, rs.getString("template"),
                TemplateDialect.valueOf(rs.getString("dialect")), rs.getString("test_report"),
                VersionStatus.of(rs.getString("status")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), tags);
    }

    @Override
    public void insertVersion(ModelVersion v) {
        db.write(c -> Jdbc.update(c, "INSERT INTO model_versions (" + VERSION_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", v.model(), v.version(), v.template(), v.dialect().name(),
                v.testReport(), v.status().key(), v.createdBy(), v.createdAt().toEpochMilli()));
    }

    @Override
    public void updateStatus(String model, String version, VersionStatus status) {
        db.write(c -> Jdbc.update(c, "UPDATE model_versions SET status = ? WHERE model_name = ? AND version = ?",
                status.key(), model, version));
    }

    @Override
    public Map<String, String> aliases(String model) {
        return db.read(c -> aliases(c, model));
    }

    private static Map<String, String> aliases(Connection c, String model) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] row : Jdbc.query(c, "SELECT alias, version FROM model_aliases WHERE model_name = ? ORDER BY alias",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, model)) {
            out.put(row[0], row[1]);
        }
        return out;
    }

    @Override
    public void putAlias(String model, String alias, String version, Instant at, String by) {
        db.write(c -> {
            int updated = Jdbc.update(c, "UPDATE model_aliases SET version = ?, updated_at = ?, updated_by = ? "
                    + "WHERE model_name = ? AND alias = ?", version, at.toEpochMilli(), by, model, alias);
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO model_aliases (model_name, alias, version, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?)", model, alias, version, at.toEpochMilli(), by);
            }
            return null;
        });
    }

    @Override
    public void deleteAlias(String model, String alias) {
        db.write(c -> Jdbc.update(c, "DELETE FROM model_aliases WHERE model_name = ? AND alias = ?", model, alias));
    }

    @Override
    public void putTag(String model, String version, String key, String value) {
        db.write(c -> {
            int updated = Jdbc.update(c, "UPDATE model_tags SET tag_value = ? WHERE model_name = ? AND version = ? "
                    + "AND tag_key = ?", value, model, version, key);
            if (updated == 0) {
                Jdbc.update(c, "INSERT INTO model_tags (model_name, version, tag_key, tag_value) VALUES (?, ?, ?, ?)",
                        model, version, key, value);
            }
            return null;
        });
    }

    @Override
    public RegistryEvent append(RegistryEvent e) {
        return db.write(c -> {
            long seq = Jdbc.nextSeq(c, "registry_events", "model_name", e.model());
            Jdbc.update(c, "INSERT INTO registry_events (model_name, seq, at, actor, kind, version, name, from_value, "
                            + "to_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.model(), seq,
                    e.at().toEpochMilli(), e.actor(), e.kind().key(), e.version(), e.name(), e.from(), e.to(),
                    e.reason());
            // Who changed the registry is audited with the rest, in the same transaction, and verified against it.
            audit.append(JdbcAuditLog.registryRecord(JdbcAuditLog.LOCAL_REGISTRY, seq, e));
            return new RegistryEvent(e.model(), seq, e.at(), e.actor(), e.kind(), e.version(), e.name(), e.from(),
                    e.to(), e.reason());
        });
    }

    @Override
    public List<RegistryEvent> events(String model) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM registry_events WHERE model_name = ? ORDER BY seq",
                rs -> new RegistryEvent(rs.getString("model_name"), rs.getLong("seq"),
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        RegistryEventKind.of(rs.getString("kind")), rs.getString("version"), rs.getString("name"),
                        rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason")), model));
    }
}
