package io.promptdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.engine.audit.AuditChain;
import io.promptdesk.engine.audit.AuditCheckpoint;
import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.audit.AuditKeyring;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.RegistryEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The audit log in the workspace database. An append reads the last row and inserts the next under the write lock
 * (SQLite's {@code BEGIN IMMEDIATE}, the team store's advisory lock), so concurrent writers - threads, processes or
 * desks - extend one chain. Rows are chained with
 * the workspace's audit key, and the head is checkpointed after each commit; both live outside the workspace
 * ({@link AuditKeyring}).
 * <p>
 * Verification recomputes the chain, compares its end with the checkpoint (truncation, deletion of every row), and
 * checks that the records of who did what agree with what the log recorded: each rollback's trigger, versions and
 * model, and each rollout transition, in order.
 */
public final class JdbcAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, at, actor, action, subject_id, model_name, details, reason, prev_hash, "
            + "hash";

    private final Database db;
    private final AuditKeyring keyring;

    /**
     * On the current user's keyring (their config folder) for the embedded store. A team store is written by many
     * desks, none of which holds a key the others have: its chain is SHA-256 without a key, and it is kept by the
     * database, which refuses to change or delete an audit row.
     */
    public JdbcAuditLog(Database db) {
        this(db, db.kind() == StoreLocation.Kind.SQLITE ? FileAuditKeyring.forUser() : AuditKeyring.NONE);
    }

    public JdbcAuditLog(Database db, AuditKeyring keyring) {
        this.db = db;
        this.keyring = keyring;
    }

    @Override
    public AuditEntry append(AuditRecord r) {
        return db.write(c -> {
            String[] last = Jdbc.first(c, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                    rs -> new String[]{Long.toString(rs.getLong(1)), rs.getString(2)}).orElse(null);
            long seq = last == null ? 1 : Long.parseLong(last[0]) + 1;
            String prev = last == null ? AuditChain.GENESIS : last[1];
            String id = workspaceId(c, true);
            byte[] key = keyring.key(id, true).orElse(null);
            // The first keyed row pins every unkeyed row before it through the checkpoint's legacy head. Where keys
            // began is also kept in the database, so that rows appended in one transaction (before its checkpoint
            // is written) agree on it; verification trusts only the checkpoint's copy.
            Optional<String> keyedMeta = meta(c, "audit_keyed_from");
            long keyedFrom;
            String legacyHead;
            if (keyedMeta.isPresent()) {
                keyedFrom = Long.parseLong(keyedMeta.get());
                legacyHead = meta(c, "audit_legacy_head").orElse(AuditChain.GENESIS);
            } else {
                Optional<AuditCheckpoint> checkpoint = keyring.checkpoint(id);
                keyedFrom = checkpoint.map(AuditCheckpoint::keyedFrom).orElse(seq);
                legacyHead = checkpoint.map(AuditCheckpoint::legacyHead).orElse(prev);
                if (key != null) {
                    Jdbc.update(c, "INSERT INTO workspace_meta (name, value) VALUES ('audit_keyed_from', ?)",
                            Long.toString(keyedFrom));
                    Jdbc.update(c, "INSERT INTO workspace_meta (name, value) VALUES ('audit_legacy_head', ?)",
                            legacyHead);
                }
            }
            String details = r.detailsJson();
            long at = r.at().toEpochMilli();
            String canonical = AuditChain.canonical(seq, at, r.actor(), r.action(), r.subjectId(), r.model(), details,
                    r.reason());
            String hash = key != null && seq >= keyedFrom ? AuditChain.mac(key, prev, canonical)
                    : AuditChain.hash(prev, canonical);
            Jdbc.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at,
                    r.actor(), r.action(), r.subjectId(), r.model(), details, r.reason(), prev, hash);
            if (key != null) {
                AuditCheckpoint next = new AuditCheckpoint(keyedFrom, legacyHead, seq, hash);
                db.afterCommit(() -> keyring.advance(id, next));
            }
            return new AuditEntry(seq, Instant.ofEpochMilli(at), r.actor(), r.action(), r.subjectId(), r.model(),
                    details, r.reason(), prev, hash);
        });
    }

    /** The subject of a registry change: the table it is recorded in and its number there. */
    static final String LOCAL_REGISTRY = "registry_events#";
    /** The subject of a change made in a remote registry (MLflow), numbered per registry and model. */
    static final String REMOTE_REGISTRY = "remote_registry_events#";

    /** The audit record of one registry change ({@code registry_<kind>}), numbered as in its history table. */
    static AuditRecord registryRecord(String table, long seq, RegistryEvent e) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("version", e.version());
        d.put("name", e.name());
        d.put("from", e.from());
        d.put("to", e.to());
        d.values().removeIf(Objects::isNull);
        return new AuditRecord(e.at(), e.actor(), "registry_" + e.kind().key(), table + seq, e.model(), d,
                e.reason());
    }

    @Override
    public List<AuditEntry> entries(String model, int limit) {
        if (limit < 1) {
            throw new BadInputException("the audit listing limit must be at least 1, got " + limit);
        }
        return db.read(c -> model == null
                ? Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?",
                JdbcAuditLog::entry, limit)
                : Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE model_name = ? ORDER BY seq DESC LIMIT ?",
                JdbcAuditLog::entry, model, limit));
    }

    /** Streams the rows in order, so a long log is never held in memory. */
    @Override
    public AuditVerification verify() {
        return db.read(c -> {
            String id = workspaceId(c, false);
            Optional<AuditCheckpoint> checkpoint;
            byte[] key;
            try {
                checkpoint = id == null ? Optional.empty() : keyring.checkpoint(id);
                key = id == null ? null : keyring.key(id, false).orElse(null);
            } catch (StoreException e) {
                return broken(0, null, e.getMessage());
            }
            if (checkpoint.isPresent() && key == null) {
                return broken(0, null, "the workspace's audit key is missing (" + keyring.describe(id) + "): the "
                        + "keyed rows cannot be checked on this machine");
            }
            AuditChain.Verifier v = checkpoint.map(p -> new AuditChain.Verifier(key, p.keyedFrom(), p.legacyHead()))
                    .orElseGet(AuditChain.Verifier::new);
            String hashAtCheckpoint = null;
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    AuditEntry e = entry(rs);
                    if (!v.accept(e)) {
                        break;
                    }
                    if (checkpoint.isPresent() && e.seq() == checkpoint.get().headSeq()) {
                        hashAtCheckpoint = e.hash();
                    }
                }
            }
            AuditVerification chain = v.result();
            if (!chain.intact()) {
                return chain;
            }
            if (checkpoint.isPresent()) {
                AuditCheckpoint cp = checkpoint.get();
                if (chain.headSeq() < cp.headSeq()) {
                    return new AuditVerification(false, chain.rows(), chain.headSeq() + 1, "the log ends at row "
                            + chain.headSeq() + " but the checkpoint kept outside the workspace says "
                            + cp.headSeq() + " rows were written: rows were removed from the end", chain.headSeq(),
                            chain.headHash());
                }
                if (!cp.headHash().equals(hashAtCheckpoint)) {
                    return new AuditVerification(false, chain.rows(), cp.headSeq(), "row " + cp.headSeq()
                            + " is not the row the checkpoint recorded: the log was rewritten", chain.headSeq(),
                            chain.headHash());
                }
            }
            String coverage = coverage(c);
            return coverage == null ? chain : new AuditVerification(false, chain.rows(), null, coverage,
                    chain.headSeq(), chain.headHash());
        });
    }

    private static AuditVerification broken(long rows, Long seq, String problem) {
        return new AuditVerification(false, rows, seq, problem, 0, AuditChain.GENESIS);
    }

    /**
     * The records of who did what must say what the chained log says: a rollback's trigger, model and versions
     * (its rollback_started row), and a rollout's transitions, one audit row each, in order. Null when they agree.
     */
    private static String coverage(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT r.rollback_id, r.model_name, r.from_version, "
                + "r.to_version, r.triggered_by, a.seq, a.actor, a.model_name AS a_model, a.details FROM rollbacks r "
                + "LEFT JOIN audit_log a ON a.subject_id = r.rollback_id AND a.action = 'rollback_started' "
                + "ORDER BY r.start_time");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString("rollback_id");
                if (rs.getString("actor") == null) {
                    return "rollback " + id + " has no rollback_started row in the audit log: its record was "
                            + "inserted around the application";
                }
                Map<String, String> d = details(rs.getString("details"));
                long seq = rs.getLong("seq");
                String who = rs.getString("triggered_by");
                if (!who.equals(rs.getString("actor"))) {
                    return "rollback " + id + " says it was triggered by " + who + " but audit row " + seq
                            + " recorded " + rs.getString("actor") + ": the rollback's record was edited";
                }
                if (!rs.getString("model_name").equals(rs.getString("a_model"))
                        || !rs.getString("from_version").equals(d.get("from_version"))
                        || !rs.getString("to_version").equals(d.get("to_version"))) {
                    return "rollback " + id + "'s model or versions differ from audit row " + seq
                            + ": the rollback's record was edited";
                }
            }
        }
        // A rollback's outcome - its status, and whether the switch happened - is what the log last recorded for it.
        try (PreparedStatement p = c.prepareStatement("SELECT r.rollback_id, r.status, r.switched, "
                + "(SELECT a.action FROM audit_log a WHERE a.subject_id = r.rollback_id "
                + "AND a.action LIKE 'rollback\\_%' "
                + "ESCAPE '\\' ORDER BY a.seq DESC LIMIT 1) AS last_action, "
                + "(SELECT count(*) FROM audit_log a WHERE a.subject_id = r.rollback_id "
                + "AND a.action = 'rollback_switched') AS switches FROM rollbacks r");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString("rollback_id");
                String status = rs.getString("status");
                String last = rs.getString("last_action");
                String expected = switch (status) {
                    case "success" -> "rollback_succeeded";
                    case "failed" -> "rollback_failed";
                    case "timeout" -> "rollback_timed_out";
                    case "interrupted" -> "rollback_interrupted";
                    default -> null;
                };
                boolean running = "running".equals(status) && last != null && !last.equals("rollback_succeeded")
                        && !last.equals("rollback_failed") && !last.equals("rollback_timed_out")
                        && !last.equals("rollback_interrupted");
                if (last != null && !running && !last.equals(expected)) {
                    return "rollback " + id + " says " + status + " but the audit log last recorded " + last
                            + ": the rollback's record was edited";
                }
                if (last != null && (rs.getInt("switched") != 0) != (rs.getInt("switches") > 0)) {
                    String said = rs.getInt("switched") != 0 ? "happened" : "did not happen";
                    return "rollback " + id + " says the switch " + said + " but the audit log says otherwise: the "
                            + "rollback's record was edited";
                }
            }
        }
        List<String[]> events = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT e.rollout_id, e.seq, e.actor, e.kind, e.to_status, "
                + "e.to_percentage FROM rollout_events e WHERE EXISTS (SELECT 1 FROM audit_log a "
                + "WHERE a.subject_id = e.rollout_id AND a.action = 'rollout_started') ORDER BY e.rollout_id, e.seq");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                events.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)});
            }
        }
        List<String[]> audited = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT a.subject_id, a.seq, a.actor, a.action, a.details "
                + "FROM audit_log a WHERE a.action LIKE 'rollout\\_%' ESCAPE '\\' "
                + "AND EXISTS (SELECT 1 FROM audit_log s "
                + "WHERE s.subject_id = a.subject_id AND s.action = 'rollout_started') ORDER BY a.subject_id, a.seq");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                Map<String, String> d = details(rs.getString(5));
                audited.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).substring("rollout_".length()), d.get("to_status"), d.get("to_percentage")});
            }
        }
        String registry = registryCoverage(c);
        if (registry != null) {
            return registry;
        }
        int i = 0;
        int j = 0;
        while (i < events.size() || j < audited.size()) {
            String[] e = i < events.size() ? events.get(i) : null;
            String[] a = j < audited.size() ? audited.get(j) : null;
            if (e == null) {
                return "audit row " + a[1] + " records a " + a[3] + " of rollout " + a[0] + " that its history no "
                        + "longer has: a rollout event was deleted";
            }
            if (a == null || !a[0].equals(e[0])) {
                if (a != null && a[0].compareTo(e[0]) < 0) {
                    return "audit row " + a[1] + " records a " + a[3] + " of rollout " + a[0] + " that its history "
                            + "no longer has: a rollout event was deleted";
                }
                return "rollout " + e[0] + "'s event " + e[1] + " (" + e[3] + " by " + e[2] + ") has no audit row: "
                        + "it was inserted around the application";
            }
            if (!e[2].equals(a[2]) || !e[3].equals(a[3]) || !Objects.equals(e[4], a[4])
                    || !Objects.equals(e[5], a[5])) {
                return "rollout " + e[0] + "'s event " + e[1] + " says " + e[3] + " by " + e[2] + " to " + e[4]
                        + " at " + e[5] + "% but audit row " + a[1] + " recorded " + a[3] + " by " + a[2] + " to "
                        + a[4] + " at " + a[5] + "%: the rollout's history was edited";
            }
            i++;
            j++;
        }
        return null;
    }

    /**
     * Each registry change since the log began recording them (the model's first audited one) must be in the log,
     * with the same actor, kind, version and values; an audited change must still be in the history.
     */
    private static String registryCoverage(Connection c) throws SQLException {
        Map<String, TreeMap<Long, String[]>> audited = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT seq, actor, action, subject_id, model_name, details "
                + "FROM audit_log WHERE action LIKE 'registry\\_%' ESCAPE '\\' AND subject_id LIKE ?")) {
            p.setString(1, LOCAL_REGISTRY + "%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> d = details(rs.getString("details"));
                    long eventSeq = Long.parseLong(rs.getString("subject_id").substring(LOCAL_REGISTRY.length()));
                    audited.computeIfAbsent(rs.getString("model_name"), k -> new TreeMap<>())
                            .put(eventSeq, new String[]{rs.getString("seq"), rs.getString("actor"),
                                    rs.getString("action").substring("registry_".length()), d.get("version"),
                                    d.get("name"), d.get("to")});
                }
            }
        }
        for (Map.Entry<String, TreeMap<Long, String[]>> m : audited.entrySet()) {
            long first = m.getValue().firstKey();
            Map<Long, String[]> expected = new HashMap<>(m.getValue());
            try (PreparedStatement p = c.prepareStatement("SELECT seq, actor, kind, version, name, to_value FROM "
                    + "registry_events WHERE model_name = ? AND seq >= ? ORDER BY seq")) {
                p.setString(1, m.getKey());
                p.setLong(2, first);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        String[] a = expected.remove(seq);
                        String change = rs.getString("kind") + " of " + m.getKey() + " by " + rs.getString("actor");
                        if (a == null) {
                            return "registry change " + seq + " (" + change + ") has no audit row: it was inserted "
                                    + "around the application";
                        }
                        if (!rs.getString("actor").equals(a[1]) || !rs.getString("kind").equals(a[2])
                                || !Objects.equals(rs.getString("version"), a[3])
                                || !Objects.equals(rs.getString("name"), a[4])
                                || !Objects.equals(rs.getString("to_value"), a[5])) {
                            return "registry change " + seq + " (" + change + ") differs from audit row " + a[0]
                                    + ", which recorded " + a[2] + " by " + a[1]
                                    + ": the registry's history was edited";
                        }
                    }
                }
            }
            if (!expected.isEmpty()) {
                long missing = expected.keySet().iterator().next();
                return "audit row " + expected.get(missing)[0] + " records registry change " + missing + " of "
                        + m.getKey() + " that its history no longer has: a registry change was deleted";
            }
        }
        return null;
    }

    private static Map<String, String> details(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Optional<String> meta(Connection c, String name) throws SQLException {
        return Jdbc.first(c, "SELECT value FROM workspace_meta WHERE name = ?", rs -> rs.getString(1), name);
    }

    /** The workspace's id (made on the first write), or null when a read-only workspace has none yet. */
    private static String workspaceId(Connection c, boolean create) throws SQLException {
        Optional<String> id = Jdbc.first(c, "SELECT value FROM workspace_meta WHERE name = 'workspace_id'",
                rs -> rs.getString(1));
        if (id.isPresent() || !create) {
            return id.orElse(null);
        }
        String made = UUID.randomUUID().toString();
        Jdbc.update(c, "INSERT INTO workspace_meta (name, value) VALUES ('workspace_id', ?)", made);
        return made;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_id"), rs.getString("model_name"),
                rs.getString("details"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
