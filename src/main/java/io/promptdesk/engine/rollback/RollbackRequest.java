package io.promptdesk.engine.rollback;

import io.promptdesk.registry.Attribution;

/**
 * What {@code trigger_rollback} is asked to do.
 *
 * @param targetVersion  the version to return to, or null for the previous stable one
 * @param reason         why, up to {@link #MAX_REASON_LENGTH} characters; null for the spec's default
 * @param triggeredBy    who, or null for the operating-system user
 * @param skipValidation emergency mode: do not check the target's eligibility (it must still exist)
 */
public record RollbackRequest(String modelName, String currentVersion, String targetVersion, String reason,
                              String triggeredBy, boolean skipValidation) {
    public static final int MAX_REASON_LENGTH = 10_000;
    public static final String DEFAULT_REASON = "Performance regression detected";

    public RollbackRequest {
        modelName = required(modelName, "the model name");
        currentVersion = required(currentVersion, "the current version");
        targetVersion = targetVersion == null || targetVersion.isBlank() ? null : targetVersion.strip();
        reason = reason == null || reason.isBlank() ? DEFAULT_REASON : reason.strip();
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new RollbackException(String.format("the reason is %,d characters long; at most %,d are kept: "
                    + "shorten it or link to the incident instead", reason.length(), MAX_REASON_LENGTH));
        }
        triggeredBy = triggeredBy == null || triggeredBy.isBlank() ? Attribution.currentUser() : triggeredBy.strip();
        if (triggeredBy.length() > 200) {
            throw new RollbackException("the name of who triggers a rollback is at most 200 characters");
        }
        if (targetVersion != null && targetVersion.equals(currentVersion)) {
            throw new RollbackException("the target version " + targetVersion + " is the current version: "
                    + "name an earlier version, or leave the target out for the previous stable one");
        }
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new RollbackException(what + " is required");
        }
        return value.strip();
    }
}
