package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.VersionStatus;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brings the registry and the traffic router to the deployment's stored {@link DesiredState}, as a Kubernetes
 * controller does: read what should be, read what is, apply the difference idempotently, confirm, and go again if
 * the desired state moved on meanwhile (the split just sent may have landed after a newer one).
 * <p>
 * The registry is read back. A router that changes something outside this process is confirmed by its
 * acknowledgement, stored with the generation it acknowledged (and read back when it can be); a router that lives in
 * this process is given each generation once. Every rollout transition and rollback switch ends with
 * {@link #ensure}; every command that touches a deployment starts with {@link #reconcile}. Thread-safe.
 */
public final class Reconciler {
    private static final int MAX_ROUNDS = 5;

    private final RolloutRepository store;
    private final ModelRegistry registry;
    private final TrafficRouter router;
    private final Clock clock;
    private final String actor;
    private final EffectBoundaries boundaries;
    /** Per deployment, the generation this instance has applied and confirmed. */
    private final Map<String, Long> appliedHere = new ConcurrentHashMap<>();

    public Reconciler(RolloutRepository store, ModelRegistry registry, TrafficRouter router, Clock clock,
                      String actor, EffectBoundaries boundaries) {
        this.store = Objects.requireNonNull(store, "store");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.router = Objects.requireNonNull(router, "router");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = actor;
        this.boundaries = boundaries == null ? EffectBoundaries.NONE : boundaries;
    }

    /** The traffic split could not be applied (the router refused it or did not answer). */
    public static final class TrafficNotApplied extends RuntimeException {
        private final transient DesiredState state;

        TrafficNotApplied(DesiredState state, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.state = state;
        }

        public DesiredState state() {
            return state;
        }
    }

    /** Where the world disagrees with the desired state, changing nothing. Empty when nothing is desired yet. */
    public List<Drift> inspect(String deployment) {
        Optional<DesiredState> s = store.desired(deployment);
        if (s.isEmpty()) {
            return List.of();
        }
        List<Drift> out = new ArrayList<>(registryDrift(s.get()));
        trafficDrift(s.get()).ifPresent(out::add);
        return out;
    }

    /**
     * Finds and repairs drift on one deployment: what a command does before it acts, and what {@code promptdesk
     * reconcile} does on demand. Remote failures do not throw: they are reported as drift not repaired. Each repair
     * is audited.
     */
    public ReconcileReport reconcile(String deployment) {
        List<Drift> found = new ArrayList<>();
        long generation = run(deployment, false, found);
        List<Drift> merged = merge(found);
        for (Drift d : merged) {
            if (d.repaired()) {
                store.note(new DeploymentNote(now(), actor, "drift_repaired", "generation-" + generation, deployment,
                        details(d), "the world disagreed with the stored desired state; re-applied"));
            }
        }
        return new ReconcileReport(deployment, generation, merged, merged.stream().allMatch(Drift::repaired));
    }

    /** {@link #reconcile} for every deployment with a desired state. */
    public List<ReconcileReport> reconcileAll() {
        return store.allDesired().stream().map(s -> reconcile(s.deployment())).toList();
    }

    /**
     * Applies the deployment's desired state if this instance has not applied its current generation yet, after an
     * action that wrote it (or on a driver's tick).
     *
     * @throws TrafficNotApplied when the router did not take the split
     * @throws RuntimeException  what the registry threw when it could not be changed
     */
    public void ensure(String deployment) {
        Optional<DesiredState> s = store.desired(deployment);
        if (s.isEmpty() || Objects.equals(appliedHere.get(deployment), s.get().generation())) {
            return;
        }
        run(deployment, true, new ArrayList<>());
    }

    /**
     * A person points an alias by hand. Once PromptDesk records a desired state for the deployment, moving
     * {@code production} or {@code previous} writes the next generation (owned by {@code registry}, so a running
     * rollout is fenced from moving traffic on a baseline that changed under it) before the registry and the router
     * are changed, so that no later command reverts the move as drift. Any other alias, or a deployment with no
     * desired state yet, is only moved in the registry.
     */
    public void moveAlias(String deployment, String alias, String version, Attribution by) {
        Optional<DesiredState> prior = store.desired(deployment);
        boolean desired = ModelRegistry.PRODUCTION.equals(alias) || ModelRegistry.PREVIOUS.equals(alias);
        if (prior.isEmpty() || !desired) {
            registry.setAlias(deployment, alias, version, by);
            return;
        }
        registry.get(deployment, version);
        DesiredState p = prior.get();
        boolean production = ModelRegistry.PRODUCTION.equals(alias);
        DesiredState next = DesiredState.next(p, deployment, "registry", production ? version : p.production(),
                p.canary(), p.canaryPercent(), production ? null : version, Map.of(), alias + " set to " + version
                        + " by hand" + (by.reason() == null ? "" : ": " + by.reason()), now(), by.actor());
        if (!store.saveDesired(next)) {
            throw new RolloutException(deployment + " was changed by someone else meanwhile; check its status and "
                    + "retry");
        }
        registry.setAlias(deployment, alias, version, by);
        ensure(deployment);
    }

    /** Forgets what this instance applied, so the next {@link #ensure} applies again (a restarted driver). */
    public void forget(String deployment) {
        appliedHere.remove(deployment);
    }

    private long run(String deployment, boolean strict, List<Drift> found) {
        long generation = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<DesiredState> read = store.desired(deployment);
            if (read.isEmpty()) {
                return 0;
            }
            DesiredState s = read.get();
            generation = s.generation();
            boolean settled = applyOnce(s, strict, found);
            Optional<DesiredState> after = store.desired(deployment);
            if (after.isPresent() && after.get().generation() == s.generation()) {
                if (settled) {
                    appliedHere.put(deployment, s.generation());
                }
                return generation;
            }
            // A newer generation was written while we applied this one: apply that one too, so it lands last.
        }
        return generation;
    }

    /** @return true when everything this state asks for is in place and confirmed */
    private boolean applyOnce(DesiredState s, boolean strict, List<Drift> found) {
        boolean settled = true;
        Attribution by = Attribution.of(s.updatedBy(), "desired state " + s.idempotencyKey() + ": " + s.source());
        for (Drift d : registryDrift(s)) {
            try {
                boundaries.at("before:registry");
                fix(s, d, by);
                boundaries.at("after:registry");
                found.add(d.asRepaired());
            } catch (RuntimeException e) {
                if (strict) {
                    throw e;
                }
                settled = false;
                found.add(d.asFailed(e.getMessage()));
            }
        }
        String target = router.target();
        Optional<Drift> traffic = trafficDrift(s);
        boolean send = traffic.isPresent() || target == null && !Objects.equals(appliedHere.get(s.deployment()),
                s.generation());
        if (send) {
            try {
                boundaries.at("before:router");
                router.route(s.split(), s.deployment(), s.idempotencyKey());
                boundaries.at("after:router");
                if (target != null) {
                    store.confirmRouter(s.deployment(), s.generation(), target, now());
                    boundaries.at("after:store:confirm");
                }
                traffic.ifPresent(d -> found.add(d.asRepaired()));
            } catch (RuntimeException e) {
                if (strict) {
                    throw new TrafficNotApplied(s, e);
                }
                settled = false;
                found.add(traffic.orElseGet(() -> Drift.found(s.deployment(), "traffic", describe(s.split()),
                        "not applied in this process")).asFailed(e.getMessage()));
            }
        }
        return settled;
    }

    private List<Drift> registryDrift(DesiredState s) {
        String d = s.deployment();
        // In the order they are repaired: statuses before aliases, so that a version retired by a completed rollout
        // is deprecated while it still serves production (the registry's history then keeps it a valid rollback
        // target), and production moves before the canary alias is dropped.
        List<Drift> out = new ArrayList<>();
        s.statuses().forEach((version, status) -> {
            String actual = registry.find(d, version).map(v -> v.status().key()).orElse("missing");
            if (!actual.equals(status.key())) {
                out.add(Drift.found(d, "status:" + version, status.key(), actual));
            }
        });
        if (s.previous() != null) {
            aliasDrift(d, ModelRegistry.PREVIOUS, s.previous()).ifPresent(out::add);
        }
        aliasDrift(d, ModelRegistry.PRODUCTION, s.production()).ifPresent(out::add);
        aliasDrift(d, ModelRegistry.CANARY, s.canary()).ifPresent(out::add);
        return out;
    }

    private Optional<Drift> aliasDrift(String d, String alias, String expected) {
        String actual = registry.resolve(d, alias).map(ModelVersion::version).orElse(null);
        return Objects.equals(actual, expected) ? Optional.empty()
                : Optional.of(Drift.found(d, "alias:" + alias, expected == null ? "unset" : expected,
                actual == null ? "unset" : actual));
    }

    private Optional<Drift> trafficDrift(DesiredState s) {
        String target = router.target();
        if (target == null) {
            return Optional.empty();
        }
        TrafficSplit want = s.split();
        Optional<TrafficSplit> served;
        try {
            served = router.current(s.deployment());
        } catch (RuntimeException e) {
            // A router that cannot be read now is judged by its acknowledgement, as one that cannot be read at all.
            served = Optional.empty();
        }
        if (served.isPresent()) {
            return served.get().equals(want) ? Optional.empty()
                    : Optional.of(Drift.found(s.deployment(), "traffic", describe(want), describe(served.get())));
        }
        return s.confirmedBy(target) ? Optional.empty()
                : Optional.of(Drift.found(s.deployment(), "traffic", describe(want) + " (generation "
                + s.generation() + ")", Drift.UNCONFIRMED + (s.routerConfirmed() > 0 && target.equals(s.routerTarget())
                ? " since generation " + s.routerConfirmed() : "")));
    }

    private void fix(DesiredState s, Drift d, Attribution by) {
        String dep = s.deployment();
        if (d.what().startsWith("alias:")) {
            String alias = d.what().substring("alias:".length());
            String want = switch (alias) {
                case ModelRegistry.PRODUCTION -> s.production();
                case ModelRegistry.CANARY -> s.canary();
                default -> s.previous();
            };
            if (want == null) {
                registry.removeAlias(dep, alias, by);
            } else {
                registry.setAlias(dep, alias, want, by);
            }
        } else if (d.what().startsWith("status:")) {
            String version = d.what().substring("status:".length());
            VersionStatus want = s.statuses().get(version);
            registry.setStatus(dep, version, want, by);
        }
    }

    /** Repeated rounds can find the same drift twice; keep the last word on each. */
    private static List<Drift> merge(List<Drift> found) {
        Map<String, Drift> last = new LinkedHashMap<>();
        for (Drift d : found) {
            last.put(d.what(), d);
        }
        return new ArrayList<>(last.values());
    }

    private static Map<String, String> details(Drift d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("what", d.what());
        m.put("expected", d.expected());
        m.put("found", d.actual());
        return m;
    }

    /** E.g. "all traffic to 1.0" or "25% to 1.1, the rest to 1.0". */
    public static String describe(TrafficSplit t) {
        return t.canaryVersion() == null || t.canaryPercent() == 0 ? "all traffic to " + t.stableVersion()
                : t.canaryPercent() + "% to " + t.canaryVersion() + ", the rest to " + t.stableVersion();
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
