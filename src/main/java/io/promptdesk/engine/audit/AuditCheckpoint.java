package io.promptdesk.engine.audit;

/**
 * The audit log's head as last seen, kept outside the workspace so that removing rows from the end (or all of
 * them) is detected: a chain alone cannot tell a shorter log from a truncated one.
 *
 * @param keyedFrom  the first row chained with the workspace's key (rows before it predate keys: SHA-256 only)
 * @param legacyHead the hash of row {@code keyedFrom - 1} (the genesis value when there is none), pinning the
 *                   unkeyed rows as they were when keys began
 * @param headSeq    the last row appended
 * @param headHash   its hash
 */
public record AuditCheckpoint(long keyedFrom, String legacyHead, long headSeq, String headHash) {
}
