package io.promptdesk.app.rollout;

import java.util.List;

/**
 * A deployment a rollout can start on: a model with a production version, its candidate versions, and whether
 * it already has a rollout in progress or paused (one per deployment).
 */
public record DeploymentChoice(String deployment, String production, List<String> candidates, boolean busy) {
    public DeploymentChoice {
        candidates = List.copyOf(candidates);
    }
}
