package io.promptdesk.engine.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The outcome of checking the audit log's hash chain.
 *
 * @param rows        rows checked (up to the first bad one)
 * @param firstBadSeq the first row that does not fit the chain, or null when intact
 * @param problem     what is wrong with it, or null
 * @param headSeq     the last good row's number (0 for an empty log): note it with {@code headHash} to detect a
 *                    later truncation of the tail, which a chain alone cannot reveal
 * @param headHash    the last good row's hash
 */
@JsonPropertyOrder({"intact", "rows", "first_bad_seq", "problem", "head_seq", "head_hash"})
public record AuditVerification(boolean intact, long rows, Long firstBadSeq, String problem, long headSeq,
                                String headHash) {
}
