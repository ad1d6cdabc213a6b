package io.promptdesk.engine.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's chain. A row's canonical form lists its fields length-prefixed (so no two rows share one), and its
 * hash is an HMAC-SHA256, keyed with the workspace's audit key (kept outside the workspace), of the previous row's
 * hash, a newline, and that form: without the key nobody can write a row that verifies, nor recompute a rewritten
 * chain. Rows written before the workspace had a key use plain SHA-256 and are pinned by the checkpoint. The first
 * row chains to {@link #GENESIS}.
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

    /** HMAC-SHA256 with {@code key} of the previous hash, a newline and the canonical form, in hex. */
    public static String mac(byte[] key, String prevHash, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '\n');
            mac.update(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot compute HMAC-SHA256", e);
        }
    }

    /** The hash a row must carry given the previous row's hash: keyed when {@code key} is given. */
    public static String hashOf(byte[] key, String prevHash, AuditEntry e) {
        String canonical = canonical(e.seq(), e.at().toEpochMilli(), e.actor(), e.action(), e.subjectId(),
                e.model(), e.details(), e.reason());
        return key == null ? hash(prevHash, canonical) : mac(key, prevHash, canonical);
    }

    /** The unkeyed hash a row must carry given the previous row's hash. */
    public static String hashOf(String prevHash, AuditEntry e) {
        return hashOf(null, prevHash, e);
    }

    /**
     * Checks rows fed in order of their number; stops at the first bad one. Rows from {@code keyedFrom} on must
     * carry the keyed hash, and the row before them must end at {@code legacyHead}.
     */
    public static final class Verifier {
        private final byte[] key;
        private final long keyedFrom;
        private final String legacyHead;
        private long expected = 1;
        private String prev = GENESIS;
        private AuditVerification failure;

        /** An unkeyed chain (no checkpoint). */
        public Verifier() {
            this(null, Long.MAX_VALUE, null);
        }

        public Verifier(byte[] key, long keyedFrom, String legacyHead) {
            this.key = key;
            this.keyedFrom = keyedFrom;
            this.legacyHead = legacyHead;
        }

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
            } else if (e.seq() == keyedFrom && legacyHead != null && !legacyHead.equals(prev)) {
                fail(e.seq() - 1, "the rows written before the audit key do not end where the checkpoint says: "
                        + "they were rewritten");
            } else if (!hashOf(e.seq() >= keyedFrom ? key : null, prev, e).equals(e.hash())) {
                fail(e.seq(), e.seq() >= keyedFrom ? "its keyed hash does not match: the row was edited or forged "
                        + "(a row's hash cannot be recomputed without the workspace's audit key)"
                        : "its content does not match its hash: the row was edited");
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
