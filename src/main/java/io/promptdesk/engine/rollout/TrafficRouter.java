package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.TrafficSplit;

import java.util.Optional;

/**
 * Where a deployment's stored desired traffic split takes effect: sends {@code canaryPercent} of the deployment's
 * traffic to the canary, the rest to the stable version. Must be idempotent: the {@link Reconciler} re-applies a
 * split until it is confirmed, after a crash too.
 * <p>
 * A router that changes something outside this process (a webhook, MLflow) names that {@link #target()}, so the
 * store can remember which generation of the split it acknowledged; one that only lives in this process (the
 * simulated service) has none and is given the split once per process. A router that can read back what it serves
 * answers {@link #current}, and a mismatch is drift even after an acknowledgement.
 */
@FunctionalInterface
public interface TrafficRouter {
    /** @param canaryVersion null when all traffic goes to {@code stableVersion} */
    void route(String deployment, String stableVersion, String canaryVersion, int canaryPercent);

    /**
     * Sends the split with the idempotency key of the desired state it comes from ({@code deployment/generation}),
     * so a receiver can drop a repeat or a split older than one it already has. By default the key is not sent.
     */
    default void route(TrafficSplit split, String deployment, String idempotencyKey) {
        route(deployment, split.stableVersion(), split.canaryVersion(), split.canaryPercent());
    }

    /** What the router changes outside this process (e.g. {@code webhook https://...}), or null if nothing. */
    default String target() {
        return null;
    }

    /** The split the router serves now, when it can be read back; empty when it cannot. */
    default Optional<TrafficSplit> current(String deployment) {
        return Optional.empty();
    }
}
