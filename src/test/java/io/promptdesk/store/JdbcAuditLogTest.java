package io.promptdesk.store;

import io.promptdesk.engine.audit.AuditChain;
import io.promptdesk.engine.audit.AuditKeyring;
import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.engine.audit.AuditVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcAuditLogTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path file() {
        return Workspace.databaseFile(dir);
    }

    private static AuditRecord action(int i) {
        return new AuditRecord(T0.plusSeconds(i), "ana", "rollback_started", "rb-" + i, "hooks",
                Map.of("from_version", "1." + i, "to_version", "1.0"), "reason " + i);
    }

    private void fill(int n) {
        try (Database db = Database.open(file())) {
            JdbcAuditLog log = new JdbcAuditLog(db);
            for (int i = 1; i <= n; i++) {
                log.append(action(i));
            }
        }
    }

    private AuditVerification verify() {
        try (Database db = Database.open(file())) {
            return new JdbcAuditLog(db).verify();
        }
    }

    /** Tampering as someone with the file and the sqlite3 tool would: drop the guard trigger first. */
    private void tamper(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_update");
            s.execute("DROP TRIGGER IF EXISTS audit_log_no_delete");
            s.execute(sql);
        }
    }

    @Test
    void appendsChainEachRowToThePreviousOne() {
        try (Database db = Database.open(file())) {
            JdbcAuditLog log = new JdbcAuditLog(db);
            AuditEntry first = log.append(action(1));
            AuditEntry second = log.append(action(2));
            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(second.prevHash()).isEqualTo(first.hash());
            // Keyed: the plain SHA-256 of the row is not its hash, and nobody without the key can compute it.
            assertThat(second.hash()).isNotEqualTo(AuditChain.hashOf(first.hash(), second)).hasSize(64);
            assertThat(first.details()).isEqualTo("{\"from_version\":\"1.1\",\"to_version\":\"1.0\"}");
            assertThat(log.entries("hooks", 10)).extracting(AuditEntry::seq).containsExactly(2L, 1L);
            assertThat(log.entries("other", 10)).isEmpty();
            AuditVerification v = log.verify();
            assertThat(v.intact()).isTrue();
            assertThat(v.rows()).isEqualTo(2);
            assertThat(v.headHash()).isEqualTo(second.hash());
        }
    }

    @Test
    void theStoreRefusesToChangeOrDeleteAuditRows() {
        fill(2);
        try (Database db = Database.open(file())) {
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE audit_log SET actor = 'mallory'");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM audit_log");
                }
            })).isInstanceOf(StoreException.class).hasMessageContaining("append-only");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void anEditedRowIsNamed() throws Exception {
        fill(5);
        tamper("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("row 3").contains("edited");
        assertThat(v.rows()).isEqualTo(2);
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() throws Exception {
        fill(5);
        try (Database db = Database.open(file())) {
            List<AuditEntry> rows = new JdbcAuditLog(db).entries(null, 10);
            AuditEntry third = rows.get(2);
            AuditEntry forged = new AuditEntry(third.seq(), third.at(), "mallory", third.action(), third.subjectId(),
                    third.model(), third.details(), third.reason(), third.prevHash(), "");
            String hash = AuditChain.hashOf(third.prevHash(), forged);
            db.close();
            tamper("UPDATE audit_log SET actor = 'mallory', hash = '" + hash + "' WHERE seq = 3");
        }
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(3);
        assertThat(v.problem()).contains("forged");
    }

    /** Recomputes every row's SHA-256 link as a forger without the key would. */
    private void rewriteChain(String editSql) throws Exception {
        tamper(editSql);
        relink(Integer.MAX_VALUE);
    }

    /**
     * Links the first {@code count} rows again with plain SHA-256, and the row after them to the new head; returns
     * that head.
     */
    private String relink(int count) throws Exception {
        List<AuditEntry> rows;
        try (Database db = Database.open(file())) {
            rows = new ArrayList<>(new JdbcAuditLog(db, AuditKeyring.NONE).entries(null, 100));
        }
        Collections.reverse(rows);
        String prev = AuditChain.GENESIS;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            for (AuditEntry e : rows.subList(0, Math.min(count, rows.size()))) {
                String hash = AuditChain.hashOf(prev, e);
                s.execute("UPDATE audit_log SET prev_hash = '" + prev + "', hash = '" + hash + "' WHERE seq = "
                        + e.seq());
                prev = hash;
            }
            if (count < rows.size()) {
                s.execute("UPDATE audit_log SET prev_hash = '" + prev + "' WHERE seq = " + rows.get(count).seq());
            }
        }
        return prev;
    }

    @Test
    void aWhollyRewrittenChainIsDetected() throws Exception {
        fill(5);
        rewriteChain("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(1);
        assertThat(v.problem()).contains("forged");
    }

    @Test
    void removingTheLastRowsOrEveryRowIsDetectedByTheCheckpoint() throws Exception {
        fill(5);
        tamper("DELETE FROM audit_log WHERE seq > 3");
        AuditVerification tail = verify();
        assertThat(tail.intact()).isFalse();
        assertThat(tail.problem()).contains("ends at row 3").contains("5 rows were written");
        tamper("DELETE FROM audit_log");
        AuditVerification all = verify();
        assertThat(all.intact()).isFalse();
        assertThat(all.problem()).contains("ends at row 0");
    }

    @Test
    void anEditedCheckpointIsDetected() throws Exception {
        fill(3);
        Path checkpoint;
        try (java.util.stream.Stream<Path> s = Files.list(Path.of(System.getenv(FileAuditKeyring.ENV_CONFIG_HOME),
                "audit"))) {
            String id;
            try (Database db = Database.open(file())) {
                id = db.read(c -> Jdbc.first(c, "SELECT value FROM workspace_meta WHERE name = 'workspace_id'",
                        rs -> rs.getString(1)).orElseThrow());
            }
            checkpoint = s.filter(p -> p.getFileName().toString().equals(id + ".checkpoint")).findFirst()
                    .orElseThrow();
        }
        String text = Files.readString(checkpoint);
        String[] f = text.strip().split(" ");
        Files.writeString(checkpoint, f[0] + " " + f[1] + " 1 " + f[3] + " " + f[4] + "\n");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("checkpoint").contains("changed");
    }

    @Test
    void rowsWrittenBeforeKeysArePinnedByTheFirstKeyedRow() throws Exception {
        try (Database db = Database.open(file())) {
            JdbcAuditLog legacy = new JdbcAuditLog(db, AuditKeyring.NONE);
            for (int i = 1; i <= 3; i++) {
                legacy.append(action(i));
            }
        }
        try (Database db = Database.open(file())) {
            new JdbcAuditLog(db).append(action(4));
        }
        assertThat(verify().intact()).isTrue();
        // Rewrite the three unkeyed rows consistently (their SHA-256 chain recomputed): the keyed row 4 still
        // links to the old head, and the checkpoint pins it.
        tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
        relink(3);
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).contains("before the audit key");
    }

    @Test
    void aDeletedRowIsNamed() throws Exception {
        fill(5);
        tamper("DELETE FROM audit_log WHERE seq = 2");
        AuditVerification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBadSeq()).isEqualTo(2);
        assertThat(v.problem()).contains("row 2 is missing");
    }

    @Test
    void anEmptyLogIsIntact() {
        AuditVerification v = verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.rows()).isZero();
        assertThat(v.headHash()).isEqualTo(AuditChain.GENESIS);
    }
}
