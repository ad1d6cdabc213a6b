package io.promptdesk.engine.rollout;

import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;

/**
 * Makes a committed rollout state true in the world: the registry's aliases and statuses, and the traffic split.
 * Every step is idempotent, so applying a state again after a crash (between its commit and its effects) is safe.
 */
final class RolloutEffects {
    private final ModelRegistry registry;
    private final TrafficRouter router;
    private final String actor;

    RolloutEffects(ModelRegistry registry, TrafficRouter router, String actor) {
        this.registry = registry;
        this.router = router;
        this.actor = actor;
    }

    void apply(Rollout r) {
        String d = r.deploymentName();
        String v = r.newVersion();
        Attribution by = Attribution.of(actor, "rollout " + r.rolloutId() + " " + r.status().key() + " at "
                + r.currentPercentage() + "%");
        switch (r.status()) {
            case IN_PROGRESS, PAUSED -> {
                registry.setAlias(d, ModelRegistry.CANARY, v, by);
                registry.setStatus(d, v, VersionStatus.CANARY, by);
                try {
                    router.route(d, r.stableVersion(), v, r.currentPercentage());
                } catch (RuntimeException e) {
                    // Any router failure: the stage did not take effect, and the manager must say so.
                    throw new TrafficChangeFailed(r, e);
                }
            }
            case COMPLETED -> {
                registry.setStatus(d, v, VersionStatus.STABLE, by);
                if (r.stableVersion() != null && !r.stableVersion().equals(v)) {
                    registry.setAlias(d, ModelRegistry.PREVIOUS, r.stableVersion(), by);
                    registry.setStatus(d, r.stableVersion(), VersionStatus.DEPRECATED, by);
                }
                registry.setAlias(d, ModelRegistry.PRODUCTION, v, by);
                dropCanaryAlias(r, by);
                router.route(d, v, null, 0);
            }
            case FAILED, ROLLED_BACK -> {
                dropCanaryAlias(r, by);
                registry.setStatus(d, v, r.status() == RolloutStatus.FAILED ? VersionStatus.FAILED
                        : VersionStatus.CANDIDATE, by);
                // Production, not the rollout's baseline: a rollback may have moved production meanwhile.
                router.route(d, registry.resolve(d, ModelRegistry.PRODUCTION).map(p -> p.version())
                        .orElse(r.stableVersion()), null, 0);
            }
        }
    }

    /** The canary's traffic share could not be set: the stage the rollout is in did not take effect. */
    static final class TrafficChangeFailed extends RuntimeException {
        final Rollout rollout;

        TrafficChangeFailed(Rollout rollout, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.rollout = rollout;
        }
    }

    private void dropCanaryAlias(Rollout r, Attribution by) {
        registry.resolve(r.deploymentName(), ModelRegistry.CANARY)
                .filter(c -> c.version().equals(r.newVersion()))
                .ifPresent(c -> registry.removeAlias(r.deploymentName(), ModelRegistry.CANARY, by));
    }
}
