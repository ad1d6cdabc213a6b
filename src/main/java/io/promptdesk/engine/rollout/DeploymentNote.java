package io.promptdesk.engine.rollout;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a deployment's effects rather than to one rollout: an action refused by the fence
 * ({@code fenced}) or a drift found and repaired ({@code drift_repaired}). Goes to the audit log.
 */
public record DeploymentNote(Instant at, String actor, String action, String subjectId, String deployment,
                             Map<String, String> details, String reason) {
}
