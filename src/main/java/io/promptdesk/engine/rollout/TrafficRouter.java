package io.promptdesk.engine.rollout;

/**
 * Where a committed rollout state takes effect: sends {@code canaryPercent} of the deployment's traffic to the
 * canary, the rest to the stable version. Must be idempotent: it is re-applied after a restart.
 */
@FunctionalInterface
public interface TrafficRouter {
    /** @param canaryVersion null when all traffic goes to {@code stableVersion} */
    void route(String deployment, String stableVersion, String canaryVersion, int canaryPercent);
}
