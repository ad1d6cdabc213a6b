package io.promptdesk.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.json.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a desk's embedded store into a team store: registry, rollouts, rollbacks, desired state and the audit log,
 * in one transaction of the team store (a failure leaves it as it was). A row whose key is already there is left
 * alone, so running it again copies nothing twice. The desk's audit chain is verified first (a broken one is not
 * copied); its rows are appended to the team store's chain in their order, and the desk's last copied row is
 * remembered, so a second run appends only what the desk recorded since.
 */
public final class StoreCopy {

    /** Tables in the order their foreign keys need; each keyed by its primary key. */
    private static final List<String> TABLES = List.of("models", "model_versions", "model_aliases", "model_tags",
            "registry_events", "remote_registry_events", "rollouts", "rollout_events", "health_checks", "rollbacks",
            "rollback_steps", "deployment_state");

    /**
     * What was copied.
     *
     * @param copied       rows copied per table (audit_log: rows appended to the team chain)
     * @param alreadyThere rows left alone per table because their key was in the team store already
     * @param sourceAudit  the desk's audit chain, as verified before copying
     * @param targetAudit  the team store's chain, verified after
     */
    public record Report(Map<String, Integer> copied, Map<String, Integer> alreadyThere,
                         AuditVerification sourceAudit, AuditVerification targetAudit) {
        public boolean verified() {
            return sourceAudit.intact() && targetAudit != null && targetAudit.intact();
        }
    }

    private StoreCopy() {
    }

    /**
     * Copies {@code from} (a desk's store, with its audit log {@code fromAudit}) into {@code to}.
     *
     * @return the report; nothing is copied when the desk's chain does not verify
     */
    public static Report copy(Database from, AuditLog fromAudit, Database to, AuditLog toAudit) {
        AuditVerification source = fromAudit.verify();
        Map<String, Integer> copied = new LinkedHashMap<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        if (!source.intact()) {
            return new Report(copied, skipped, source, null);
        }
        String deskId = from.read(c -> Jdbc.first(c, "SELECT value FROM workspace_meta WHERE name = 'workspace_id'",
                rs -> rs.getString(1)).orElse(from.describe()));
        String marker = "migrated_from:" + deskId;
        to.write(target -> {
            for (String table : TABLES) {
                List<Map<String, Object>> rows = from.read(c -> rows(c, table));
                int done = 0;
                for (Map<String, Object> row : rows) {
                    done += insertIfAbsent(target, to.kind(), table, row);
                }
                copied.put(table, done);
                skipped.put(table, rows.size() - done);
            }
            long after = Jdbc.first(target, "SELECT value FROM workspace_meta WHERE name = ?",
                    rs -> Long.parseLong(rs.getString(1)), marker).orElse(0L);
            List<Map<String, Object>> audit = from.read(c -> query(c,
                    "SELECT * FROM audit_log WHERE seq > ? ORDER BY seq", after));
            long last = after;
            for (Map<String, Object> row : audit) {
                Map<String, String> details = details(String.valueOf(row.get("details")));
                toAudit.append(new AuditRecord(Instant.ofEpochMilli(((Number) row.get("at")).longValue()),
                        (String) row.get("actor"), (String) row.get("action"), (String) row.get("subject_id"),
                        (String) row.get("model_name"), details, (String) row.get("reason")));
                last = ((Number) row.get("seq")).longValue();
            }
            copied.put("audit_log", audit.size());
            skipped.put("audit_log", 0);
            if (last > after) {
                if (after == 0) {
                    Jdbc.update(target, "INSERT INTO workspace_meta (name, value) VALUES (?, ?)", marker,
                            Long.toString(last));
                } else {
                    Jdbc.update(target, "UPDATE workspace_meta SET value = ? WHERE name = ?", Long.toString(last),
                            marker);
                }
            }
            return null;
        });
        return new Report(copied, skipped, source, toAudit.verify());
    }

    private static Map<String, String> details(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new StoreException(StoreException.Problem.CORRUPT, (java.nio.file.Path) null,
                    "an audit row's details are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Map<String, Object>> rows(Connection c, String table) throws SQLException {
        return query(c, "SELECT * FROM " + table);
    }

    private static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** 1 when inserted, 0 when a row with its key (or another unique value) is there already. */
    private static int insertIfAbsent(Connection c, StoreLocation.Kind kind, String table, Map<String, Object> row)
            throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        String sql = kind == StoreLocation.Kind.SQLITE
                ? "INSERT OR IGNORE INTO " + table + " (" + columns + ") VALUES (" + marks + ")"
                : "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ") ON CONFLICT DO NOTHING";
        try (PreparedStatement p = c.prepareStatement(sql)) {
            int i = 1;
            for (Object v : row.values()) {
                p.setObject(i++, v instanceof Integer n && kind == StoreLocation.Kind.POSTGRESQL ? n.longValue() : v);
            }
            return p.executeUpdate();
        }
    }

    /** The desk's audit position last copied into {@code to}, if any (for messages). */
    public static Optional<Long> copiedUpTo(Database to, String deskId) {
        return to.read(c -> Jdbc.first(c, "SELECT value FROM workspace_meta WHERE name = ?",
                rs -> Long.parseLong(rs.getString(1)), "migrated_from:" + deskId));
    }
}
