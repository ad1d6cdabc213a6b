package io.promptdesk.store;

import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryEventKind;
import io.promptdesk.registry.RegistryHistory;

import java.time.Instant;
import java.util.List;

/** The history of changes made in remote registries, in the workspace database's append-only table. */
public final class JdbcRegistryHistory implements RegistryHistory {
    private final Database db;

    private final JdbcAuditLog audit;

    public JdbcRegistryHistory(Database db) {
        this.db = db;
        this.audit = new JdbcAuditLog(db);
    }

    @Override
    public RegistryEvent append(String registry, RegistryEvent e) {
        return db.write(c -> {
            long seq = Jdbc.first(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM remote_registry_events "
                    + "WHERE registry = ? AND model_name = ?", rs -> rs.getLong(1), registry, e.model()).orElse(1L);
            Jdbc.update(c, "INSERT INTO remote_registry_events (registry, model_name, seq, at, actor, kind, version, "
                            + "name, from_value, to_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", registry,
                    e.model(), seq, e.at().toEpochMilli(), e.actor(), e.kind().key(), e.version(), e.name(), e.from(),
                    e.to(), e.reason());
            // A change PromptDesk made in a remote registry is audited like one in the embedded registry.
            audit.append(JdbcAuditLog.registryRecord(JdbcAuditLog.REMOTE_REGISTRY, seq, e));
            return new RegistryEvent(e.model(), seq, e.at(), e.actor(), e.kind(), e.version(), e.name(), e.from(),
                    e.to(), e.reason());
        });
    }

    @Override
    public List<RegistryEvent> events(String registry, String model) {
        return db.read(c -> Jdbc.query(c, "SELECT * FROM remote_registry_events WHERE registry = ? AND model_name = ? "
                        + "ORDER BY seq", rs -> new RegistryEvent(rs.getString("model_name"), rs.getLong("seq"),
                        Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                        RegistryEventKind.of(rs.getString("kind")), rs.getString("version"), rs.getString("name"),
                        rs.getString("from_value"), rs.getString("to_value"), rs.getString("reason")),
                registry, model));
    }
}
