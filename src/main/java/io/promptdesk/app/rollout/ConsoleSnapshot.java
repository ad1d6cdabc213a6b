package io.promptdesk.app.rollout;

import java.time.Instant;
import java.util.List;

/**
 * An immutable picture of the rollouts at one moment, built off the FX thread and handed to the view model in one
 * piece. {@code seq} grows with every snapshot, so an older one arriving late is recognised and dropped.
 *
 * @param selected the selected rollout's detail, or null when there is none
 * @param problem  what went wrong in the latest tick (a locked store, say), or null
 */
public record ConsoleSnapshot(long seq, Instant now, List<RolloutRow> rollouts, int activeCount,
                              int maxActive, List<DeploymentChoice> deployments, RolloutDetail selected,
                              SimulatorState simulator, String problem) {
    public ConsoleSnapshot {
        rollouts = List.copyOf(rollouts);
        deployments = List.copyOf(deployments);
    }

    public String selectedId() {
        return selected == null ? null : selected.rollout().rolloutId();
    }
}
