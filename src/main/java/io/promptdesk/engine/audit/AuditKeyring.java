package io.promptdesk.engine.audit;

import java.util.Optional;

/**
 * Where a workspace's audit key and checkpoint live: outside the workspace (a 0600 file in the user's config
 * folder), so that someone who can edit the database cannot recompute the chain nor hide a truncation.
 */
public interface AuditKeyring {

    /** The workspace's key; created (random, 256 bits) on first use when {@code create}. */
    Optional<byte[]> key(String workspaceId, boolean create);

    /** The last checkpoint written for the workspace, if any (and if its own MAC checks out). */
    Optional<AuditCheckpoint> checkpoint(String workspaceId);

    /** Records a newer head; a checkpoint never moves backwards. */
    void advance(String workspaceId, AuditCheckpoint next);

    /** Where the key is looked for, for messages. */
    String describe(String workspaceId);

    /** No keys: the chain is SHA-256 only and no checkpoint is kept (tests of other things). */
    AuditKeyring NONE = new AuditKeyring() {
        @Override
        public Optional<byte[]> key(String workspaceId, boolean create) {
            return Optional.empty();
        }

        @Override
        public Optional<AuditCheckpoint> checkpoint(String workspaceId) {
            return Optional.empty();
        }

        @Override
        public void advance(String workspaceId, AuditCheckpoint next) {
        }

        @Override
        public String describe(String workspaceId) {
            return "no keyring";
        }
    };
}
