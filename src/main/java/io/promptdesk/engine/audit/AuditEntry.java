package io.promptdesk.engine.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One row of the append-only audit log, as stored: its number (1, 2, 3 ... without gaps), the action, and the
 * hash chain: {@code hash = SHA-256(prevHash + canonical row)}, so an edited or deleted row breaks the chain.
 *
 * @param details the canonical JSON of what changed, exactly as hashed
 */
@JsonPropertyOrder({"seq", "at", "actor", "action", "subject_id", "model", "details", "reason", "prev_hash", "hash"})
public record AuditEntry(long seq, @JsonSerialize(using = ToStringSerializer.class) Instant at, String actor,
                         String action, String subjectId, String model, @JsonRawValue String details, String reason,
                         String prevHash, String hash) {
}
