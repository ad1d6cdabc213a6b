package io.promptdesk.engine.audit;

import java.util.List;

/**
 * The audit-log port: an append-only, hash-chained record of every rollout and rollback action. Appends are
 * serialised (across processes too) so the chain has one order; an append made inside a store transaction commits
 * with it.
 */
public interface AuditLog {

    /** Appends the action after the last row, chaining its hash; returns the stored row. */
    AuditEntry append(AuditRecord record);

    /** The most recent rows first, for one model or (model null) all; at most {@code limit}. */
    List<AuditEntry> entries(String model, int limit);

    /** Re-computes the chain from the first row and reports the first row that does not fit. */
    AuditVerification verify();
}
