package io.promptdesk.store;

import io.promptdesk.engine.audit.AuditChain;
import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.model.BadInputException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The audit log in the workspace database. An append reads the last row and inserts the next under the write lock
 * ({@code BEGIN IMMEDIATE}), so concurrent writers - threads or processes - extend one chain.
 */
public final class SqliteAuditLog implements AuditLog {
    private static final String COLUMNS = "seq, at, actor, action, subject_id, model_name, details, reason, prev_hash, "
            + "hash";

    private final Database db;

    public SqliteAuditLog(Database db) {
        this.db = db;
    }

    @Override
    public AuditEntry append(AuditRecord r) {
        return db.write(c -> {
            String[] last = Jdbc.first(c, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                    rs -> new String[]{Long.toString(rs.getLong(1)), rs.getString(2)}).orElse(null);
            long seq = last == null ? 1 : Long.parseLong(last[0]) + 1;
            String prev = last == null ? AuditChain.GENESIS : last[1];
            String details = r.detailsJson();
            long at = r.at().toEpochMilli();
            String hash = AuditChain.hash(prev, AuditChain.canonical(seq, at, r.actor(), r.action(),
                    r.subjectId(), r.model(), details, r.reason()));
            Jdbc.update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at,
                    r.actor(), r.action(), r.subjectId(), r.model(), details, r.reason(), prev, hash);
            return new AuditEntry(seq, Instant.ofEpochMilli(at), r.actor(), r.action(), r.subjectId(), r.model(),
                    details, r.reason(), prev, hash);
        });
    }

    @Override
    public List<AuditEntry> entries(String model, int limit) {
        if (limit < 1) {
            throw new BadInputException("the audit listing limit must be at least 1, got " + limit);
        }
        return db.read(c -> model == null
                ? Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT ?",
                SqliteAuditLog::entry, limit)
                : Jdbc.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE model_name = ? ORDER BY seq DESC LIMIT ?",
                SqliteAuditLog::entry, model, limit));
    }

    /** Streams the rows in order, so a long log is never held in memory. */
    @Override
    public AuditVerification verify() {
        return db.read(c -> {
            AuditChain.Verifier v = new AuditChain.Verifier();
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next() && v.accept(entry(rs))) {
                    // each row is checked by accept
                }
            }
            return v.result();
        });
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_id"), rs.getString("model_name"),
                rs.getString("details"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
