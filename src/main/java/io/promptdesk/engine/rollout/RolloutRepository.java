package io.promptdesk.engine.rollout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Persistence of the rollout aggregate: its current state, and the append-only history of its transitions and
 * health checks. Implementations keep the SQL portable (embedded SQLite now, PostgreSQL later).
 */
public interface RolloutRepository {

    /** Runs {@code work} in one transaction: its reads see one state and its writes commit together. */
    <T> T atomically(Supplier<T> work);

    Optional<Rollout> find(String rolloutId);

    /** The deployment's rollout that is in progress or paused. */
    Optional<Rollout> active(String deployment);

    /** The deployment's most recently started rollout, whatever its status. */
    Optional<Rollout> latest(String deployment);

    /** Every rollout in progress or paused, across deployments. */
    List<Rollout> allActive();

    /** The deployment's rollouts, most recent first. */
    List<Rollout> history(String deployment);

    /**
     * Stores a new rollout.
     *
     * @throws RolloutException when the deployment already has an active rollout (another process won the race)
     */
    void insert(Rollout rollout);

    /**
     * Replaces the stored state with {@code next} if the stored revision is still {@code next.revision() - 1}.
     *
     * @return false when another process changed the rollout meanwhile (nothing is written)
     */
    boolean update(Rollout next);

    RolloutEvent append(RolloutEvent event);

    HealthCheck append(HealthCheck check);

    List<RolloutEvent> events(String rolloutId);

    List<HealthCheck> healthChecks(String rolloutId);

    /** The deployment's desired state (what router and registry should say), if any action has written one. */
    Optional<DesiredState> desired(String deployment);

    /** Every deployment's desired state, by name. */
    List<DesiredState> allDesired();

    /**
     * Stores {@code next} if the stored generation is still {@code next.generation() - 1} (none stored for
     * generation 1): the fencing check every action makes.
     *
     * @return false when another action wrote a newer generation meanwhile (nothing is written)
     */
    boolean saveDesired(DesiredState next);

    /**
     * Records that {@code target} acknowledged the split of {@code generation}, if that is still the deployment's
     * generation.
     *
     * @return false when the desired state moved on meanwhile: the newer split must be applied too
     */
    boolean confirmRouter(String deployment, long generation, String target, Instant at);

    /**
     * Records an action refused because it came from an older generation, or a drift repaired, where the store
     * keeps an audit log (the default keeps none).
     */
    default void note(DeploymentNote note) {
    }

    /**
     * Takes or renews the lease on driving {@code deployment}'s rollout ticks for {@code holder} until
     * {@code now + ttl}: granted when nobody holds it, when {@code holder} does, or when the holder's lease ran out
     * (a takeover, named in the grant). Atomic across desks: {@code onTakeover} (given the previous holder) runs in
     * the same transaction, so a takeover and its record commit together. A plain renewal is not announced to the
     * other desks (nothing they show changed).
     */
    LeaseGrant lease(String deployment, String holder, Instant now, java.time.Duration ttl,
                     java.util.function.Consumer<String> onTakeover);

    /** Gives the lease up if {@code holder} has it (a desk that stops driving), so another may take it at once. */
    void releaseLease(String deployment, String holder);

    /** Who holds the lease on driving {@code deployment}'s rollout, and until when (it may have run out); read only. */
    Optional<LeaseGrant> leaseOf(String deployment);
}
