package io.promptdesk.engine.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's hash chain. A row's canonical form lists its fields length-prefixed (so no two rows share one),
 * and its hash is SHA-256 of the previous row's hash, a newline, and that form. The first row chains to
 * {@link #GENESIS}.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String canonical(long seq, long atMillis, String actor, String action, String subjectId,
                                   String model, String details, String reason) {
        StringBuilder b = new StringBuilder("audit-v1;");
        for (String f : new String[]{Long.toString(seq), Long.toString(atMillis), actor, action, subjectId, model,
                details, reason}) {
            if (f == null) {
                b.append("~;");
            } else {
                b.append(f.length()).append(':').append(f).append(';');
            }
        }
        return b.toString();
    }

    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash a row must carry given the previous row's hash. */
    public static String hashOf(String prevHash, AuditEntry e) {
        return hash(prevHash, canonical(e.seq(), e.at().toEpochMilli(), e.actor(), e.action(), e.subjectId(),
                e.model(), e.details(), e.reason()));
    }

    /** Checks rows fed in order of their number; stops at the first bad one. */
    public static final class Verifier {
        private long expected = 1;
        private String prev = GENESIS;
        private AuditVerification failure;

        /** @return false once a bad row was found: later rows need not be read */
        public boolean accept(AuditEntry e) {
            if (failure != null) {
                return false;
            }
            if (e.seq() != expected) {
                fail(Math.min(e.seq(), expected), e.seq() > expected
                        ? "row " + expected + " is missing (the next row is " + e.seq() + "): rows were deleted"
                        : "row " + e.seq() + " is out of order or duplicated: the log was rewritten");
            } else if (!prev.equals(e.prevHash())) {
                fail(e.seq(), "its link to row " + (e.seq() - 1) + " does not match: that row, or one before it, "
                        + "was changed or removed");
            } else if (!hashOf(prev, e).equals(e.hash())) {
                fail(e.seq(), "its content does not match its hash: the row was edited");
            } else {
                prev = e.hash();
                expected++;
            }
            return failure == null;
        }

        private void fail(long seq, String problem) {
            failure = new AuditVerification(false, expected - 1, seq, "row " + seq + ": " + problem, expected - 1,
                    prev);
        }

        public AuditVerification result() {
            return failure != null ? failure : new AuditVerification(true, expected - 1, null, null, expected - 1,
                    prev);
        }
    }
}
