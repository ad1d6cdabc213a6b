package io.promptdesk.app.history;

import io.promptdesk.engine.audit.AuditVerification;

import java.util.List;

/** What the History workspace reads at once: every row, most recent first, and the audit chain's check. */
public record HistorySnapshot(List<HistoryRow> rows, AuditVerification audit) {
    public HistorySnapshot {
        rows = List.copyOf(rows);
    }
}
