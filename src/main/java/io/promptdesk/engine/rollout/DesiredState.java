package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.VersionStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the router and the registry should say about one deployment, as the store records it: every effect of a
 * rollout or a rollback is derived from this, never from the action that wrote it. Each change gets the next
 * {@code generation}; it is the fencing token every rollout and rollback action carries, and with the deployment it
 * makes the idempotency key sent with the traffic split.
 *
 * @param owner         the rollout or rollback whose action wrote it (its id), or {@code registry} for a manual
 *                      alias change
 * @param production    the version the {@code production} alias names and the stable side of the traffic split
 * @param canary        the canary version (its alias and its share), or null when there is none
 * @param previous      the version the {@code previous} alias should name, or null to leave it alone
 * @param statuses      the registry status of each version PromptDesk has moved, accumulated over generations
 * @param source        what wrote this state, e.g. {@code rollout ro-1 in_progress at 25%}
 * @param routerTarget  the router that acknowledged a split, or null
 * @param routerConfirmed the generation whose split {@code routerTarget} acknowledged (0 before any)
 */
public record DesiredState(String deployment, long generation, String owner, String production, String canary,
                           int canaryPercent,
                           String previous, Map<String, VersionStatus> statuses, String source, Instant updatedAt,
                           String updatedBy, String routerTarget, long routerConfirmed, Instant routerConfirmedAt) {
    public DesiredState {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(production, "production");
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        if (canary == null) {
            canaryPercent = 0;
        }
    }

    /** The traffic split this state asks for. */
    public TrafficSplit split() {
        return canary == null || canaryPercent == 0 ? TrafficSplit.stableOnly(production)
                : new TrafficSplit(production, canary, canaryPercent);
    }

    /** {@code deployment/generation}: the same split sent twice carries the same key. */
    public String idempotencyKey() {
        return deployment + "/" + generation;
    }

    /** True when {@code target} acknowledged this generation's split. */
    public boolean confirmedBy(String target) {
        return target != null && target.equals(routerTarget) && routerConfirmed >= generation;
    }

    /**
     * The next generation: the given aliases and split, the status changes merged over the ones recorded so far;
     * the router's acknowledgement of the old generation no longer covers it.
     */
    public static DesiredState next(DesiredState prior, String deployment, String owner, String production,
                                    String canary,
                                    int canaryPercent, String previous, Map<String, VersionStatus> statusChanges,
                                    String source, Instant at, String by) {
        Map<String, VersionStatus> statuses = new LinkedHashMap<>(prior == null ? Map.of() : prior.statuses());
        statuses.putAll(statusChanges);
        String prev = previous != null ? previous : prior == null ? null : prior.previous();
        return new DesiredState(deployment, prior == null ? 1 : prior.generation() + 1, owner, production, canary,
                canaryPercent, prev, statuses, source, at, by, prior == null ? null : prior.routerTarget(),
                prior == null ? 0 : prior.routerConfirmed(), prior == null ? null : prior.routerConfirmedAt());
    }

    /** What a committed rollout state asks of the world, after {@code prior}. */
    public static DesiredState ofRollout(DesiredState prior, Rollout r, Instant at, String by) {
        String d = r.deploymentName();
        String v = r.newVersion();
        String source = "rollout " + r.rolloutId() + " " + r.status().key() + " at " + r.currentPercentage() + "%";
        String production = prior != null ? prior.production() : r.stableVersion();
        Map<String, VersionStatus> changes = new LinkedHashMap<>();
        return switch (r.status()) {
            case IN_PROGRESS, PAUSED -> {
                changes.put(v, VersionStatus.CANARY);
                yield next(prior, d, r.rolloutId(), production, v, r.currentPercentage(), null, changes, source, at,
                        by);
            }
            case COMPLETED -> {
                changes.put(v, VersionStatus.STABLE);
                String previous = null;
                if (r.stableVersion() != null && !r.stableVersion().equals(v)) {
                    changes.put(r.stableVersion(), VersionStatus.DEPRECATED);
                    previous = r.stableVersion();
                }
                yield next(prior, d, r.rolloutId(), v, null, 0, previous, changes, source, at, by);
            }
            case FAILED, ROLLED_BACK -> {
                changes.put(v, r.status() == RolloutStatus.FAILED ? VersionStatus.FAILED : VersionStatus.CANDIDATE);
                yield next(prior, d, r.rolloutId(), production, null, 0, null, changes, source, at, by);
            }
        };
    }
}
