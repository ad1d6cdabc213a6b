package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What one reconciliation of a deployment found and did.
 *
 * @param generation the desired state's generation it brought the world to (0 when nothing is desired yet)
 * @param drift      every disagreement found, each marked repaired or not (with why)
 * @param inSync     true when nothing is left to repair
 */
@JsonPropertyOrder({"deployment", "generation", "in_sync", "drift"})
public record ReconcileReport(String deployment, long generation, List<Drift> drift, boolean inSync) {
    public ReconcileReport {
        drift = List.copyOf(drift);
    }

    /** The drift that is still there. */
    public List<Drift> remaining() {
        return drift.stream().filter(d -> !d.repaired()).toList();
    }
}
