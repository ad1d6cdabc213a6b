package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.RolloutPlan;

/** A rollout to start: the candidate version of a deployment, its plan, and why (may be null). */
public record StartRequest(String deployment, String version, RolloutPlan plan, String reason) {
}
