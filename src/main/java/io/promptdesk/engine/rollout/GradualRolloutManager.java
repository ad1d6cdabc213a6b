package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.VersionStatus;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The spec's GradualRolloutManager for one deployment: moves a new version through traffic stages while health
 * checks compare it with the stable version, as an explicit state machine ({@link RolloutStateMachine}).
 * <p>
 * Each transition and health check is committed to the store, with who, when and why, before it is acted on
 * (registry aliases, traffic split); the state lives only in the store, so another process (the CLI, a restarted
 * driver) sees and continues it, and a change made meanwhile elsewhere is detected by the rollout's revision.
 * A driver calls {@link #tick()} regularly; it runs due health checks and advances stages, by the injected clock.
 */
public final class GradualRolloutManager {
    private final String deploymentName;
    private final RolloutEnvironment env;
    /** The driver this manager last held the lease for, and when it last renewed it (null: not holding). */
    private String leaseDriver;
    private Instant leaseRenewedAt;
    private final RolloutSettings settings;
    private final HealthEvaluator evaluator;
    private final Reconciler reconciler;

    public GradualRolloutManager(String deploymentName, RolloutEnvironment env, RolloutSettings settings) {
        this.deploymentName = deploymentName;
        this.env = env;
        this.settings = settings;
        this.evaluator = new HealthEvaluator(env.metrics(), env.comparator(), settings.minSamples(),
                settings.maxSamples(), settings.timeScale());
        this.reconciler = new Reconciler(env.repository(), env.registry(), env.router(), env.clock(),
                settings.systemActor(), env.boundaries());
    }

    public String deploymentName() {
        return deploymentName;
    }

    /** The reconciler this manager applies its states through. */
    public Reconciler reconciler() {
        return reconciler;
    }

    /** The spec's start_rollout with the manager's timing and policy, as the manager's actor. */
    public RolloutView startRollout(String newVersion, Integer initialPercentage, List<Integer> stages,
                                    List<String> healthMetrics) {
        List<Metric> metrics = healthMetrics == null ? null : healthMetrics.stream().map(Metric::of).toList();
        RolloutPlan plan = RolloutPlan.of(initialPercentage, stages, metrics, null, settings.stageDuration(),
                settings.healthCheckInterval(), settings.onUnhealthy());
        return startRollout(newVersion, plan, Attribution.of(settings.actor(), null));
    }

    /**
     * Starts rolling out {@code newVersion}, a candidate of this deployment, against its production version.
     *
     * @throws RolloutException when the deployment already has a rollout, too many run at once, or the versions
     *                          do not allow it
     */
    public RolloutView startRollout(String newVersion, RolloutPlan plan, Attribution by) {
        ModelVersion version = env.registry().get(deploymentName, newVersion);
        ModelVersion stable = env.registry().resolve(deploymentName, ModelRegistry.PRODUCTION).orElseThrow(() ->
                new RolloutException(deploymentName + " has no production version to compare a canary with: "
                        + "register one with --status stable or point the production alias at one"));
        if (stable.version().equals(newVersion)) {
            throw new RolloutException(newVersion + " is already the production version of " + deploymentName);
        }
        if (version.status() != VersionStatus.CANDIDATE) {
            throw new RolloutException(deploymentName + " " + newVersion + " is " + version.status().key()
                    + ": only a candidate version can be rolled out; register the change as a new version");
        }
        Instant now = now();
        Rollout r = new Rollout("ro-" + UUID.randomUUID().toString().substring(0, 13), deploymentName, newVersion,
                stable.version(), plan, RolloutStatus.IN_PROGRESS, 0, plan.stages().get(0), now, now, null, null,
                null, 1);
        RolloutEvent event = env.repository().atomically(() -> {
            env.repository().active(deploymentName).ifPresent(a -> {
                throw new RolloutException(deploymentName + " already has rollout " + a.rolloutId() + " of "
                        + a.newVersion() + " (" + a.status().key() + " at " + a.currentPercentage()
                        + "%): complete or abort it before starting another");
            });
            List<Rollout> active = env.repository().allActive();
            if (active.size() >= settings.maxConcurrentRollouts()) {
                throw new RolloutException(active.size() + " rollouts are already active ("
                        + active.stream().map(a -> a.deploymentName() + " " + a.newVersion())
                        .collect(Collectors.joining(", ")) + "); at most " + settings.maxConcurrentRollouts()
                        + " run at once: complete or abort one first");
            }
            env.repository().insert(r);
            DesiredState prior = env.repository().desired(deploymentName).orElse(null);
            env.boundaries().at("before:store:desired");
            if (!env.repository().saveDesired(DesiredState.ofRollout(prior, r, now, by.actor()))) {
                throw new RolloutException(deploymentName + " was changed by someone else while the rollout started; "
                        + "check its status and retry");
            }
            return env.repository().append(RolloutEvent.between(null, r, RolloutEventKind.STARTED, now, by.actor(),
                    false, by.reason()));
        });
        env.boundaries().at("after:store:rollout");
        act(new Committed(r, event, null));
        return RolloutView.of(r);
    }

    /** The spec's update_traffic_percentage as the manager's actor. */
    public RolloutView updateTrafficPercentage(int percentage, boolean force) {
        return updateTrafficPercentage(percentage, force, Attribution.of(settings.actor(),
                force ? "forced advance" : null));
    }

    /**
     * Moves the canary to a later stage. Unless forced, a health check runs first and must be healthy; a forced
     * advance needs a reason and is recorded as forced with who and why.
     *
     * @throws HealthGateException when the check is not healthy (it is recorded; an unhealthy one also triggers
     *                             the rollout's policy)
     */
    public RolloutView updateTrafficPercentage(int percentage, boolean force, Attribution by) {
        Rollout r = active(RolloutAction.ADVANCE);
        RolloutStateMachine.require(r, RolloutAction.ADVANCE);
        int stage = r.plan().stageOf(percentage);
        int next = r.plan().stages().get(Math.min(r.currentStage() + 1, r.plan().lastStage()));
        if (stage < 0) {
            throw new RolloutException(percentage + "% is not a stage of rollout " + r.rolloutId() + ": its stages are "
                    + r.plan().stages() + " and the next is " + next + "%");
        }
        if (stage <= r.currentStage()) {
            throw new RolloutException("rollout " + r.rolloutId() + " is already at " + r.currentPercentage()
                    + "%: traffic only moves forward (next " + next + "%); abort the rollout to roll back");
        }
        return gatedMove(r, stage, force, by, CheckTrigger.ADVANCE);
    }

    /** The spec's complete_rollout: all traffic to the new version, after a final health check unless skipped. */
    public RolloutView completeRollout(boolean skipFinalChecks) {
        return completeRollout(skipFinalChecks, Attribution.of(settings.actor(),
                skipFinalChecks ? "completed without final checks" : null));
    }

    public RolloutView completeRollout(boolean skipFinalChecks, Attribution by) {
        Rollout r = active(RolloutAction.COMPLETE);
        RolloutStateMachine.require(r, RolloutAction.COMPLETE);
        return gatedMove(r, r.plan().lastStage(), skipFinalChecks, by, CheckTrigger.COMPLETION);
    }

    private RolloutView gatedMove(Rollout r, int stage, boolean force, Attribution by, CheckTrigger trigger) {
        if (force && by.reason() == null) {
            throw new RolloutException("skipping the health check needs a reason (--reason): it is recorded with "
                    + "who skipped it");
        }
        long generation = generation();
        Instant now = now();
        HealthCheck check = null;
        Rollout base = r;
        if (!force) {
            check = evaluator.evaluate(r, now, trigger, by.actor());
            base = r.checked(LastCheck.of(check));
            if (check.outcome() != HealthOutcome.HEALTHY) {
                Committed c = check.outcome() == HealthOutcome.UNHEALTHY
                        ? commit(r, onUnhealthy(base, now), check, policyEvent(r), now, by.actor(),
                        "health check failed: " + check.explanation(), false, generation)
                        : commit(r, base, check, null, now, by.actor(), null, false, generation);
                act(c);
                String target = stage == r.plan().lastStage() ? "completion" : "advance to "
                        + r.plan().stages().get(stage) + "%";
                throw new HealthGateException(target + " refused: the health check is " + check.outcome().key() + " ("
                        + check.explanation() + ")" + (check.outcome() == HealthOutcome.UNHEALTHY ? "; the rollout is "
                        + c.rollout().status().key() : "; wait for more traffic, or force it with a reason"), check);
            }
        }
        Rollout moved = base.advanced(stage, now);
        Committed c = commit(r, moved, check, moved.status() == RolloutStatus.COMPLETED ? RolloutEventKind.COMPLETED
                : RolloutEventKind.ADVANCED, now, by.actor(), by.reason(), force, generation);
        act(c);
        return RolloutView.of(c.rollout());
    }

    /** The spec's get_rollout_status: the deployment's latest rollout. */
    public RolloutView getRolloutStatus() {
        return RolloutView.of(status());
    }

    /** The latest rollout's full state. */
    public Rollout status() {
        return env.repository().latest(deploymentName).orElseThrow(() ->
                new RolloutException("no rollout has been started on " + deploymentName));
    }

    /** The spec's pause_rollout: traffic stays at the current percentage and the stage clock stops. */
    public RolloutView pauseRollout(String reason) {
        return pauseRollout(Attribution.of(settings.actor(), reason == null ? "Manual pause" : reason));
    }

    public RolloutView pauseRollout(Attribution by) {
        return manual(RolloutAction.PAUSE, by, Rollout::paused, RolloutEventKind.PAUSED);
    }

    /** Resumes a paused rollout; its stage clock continues where the pause stopped it. */
    public RolloutView resumeRollout() {
        return resumeRollout(Attribution.of(settings.actor(), null));
    }

    public RolloutView resumeRollout(Attribution by) {
        return manual(RolloutAction.RESUME, by, Rollout::resumed, RolloutEventKind.RESUMED);
    }

    /** Aborts the rollout: all traffic back to the stable version, status rolled_back. */
    public RolloutView abortRollout(String reason) {
        return abortRollout(Attribution.of(settings.actor(), reason == null ? "Manual abort" : reason));
    }

    public RolloutView abortRollout(Attribution by) {
        return manual(RolloutAction.ABORT, by, (r, now) -> r.stopped(RolloutStatus.ROLLED_BACK, now),
                RolloutEventKind.ROLLED_BACK);
    }

    private RolloutView manual(RolloutAction action, Attribution by, BiFunction<Rollout, Instant, Rollout> change,
                               RolloutEventKind kind) {
        long generation = generation();
        Rollout r = active(action);
        RolloutStateMachine.require(r, action);
        Instant now = now();
        Committed c = commit(r, change.apply(r, now), null, kind, now, by.actor(), by.reason(), false, generation);
        act(c);
        return RolloutView.of(c.rollout());
    }

    /**
     * One step of the driver: re-applies the latest state's effects if this instance has not yet (after a restart
     * or a change by another process), then, if a health check is due, runs it, commits it and what it decides:
     * the next stage after a healthy stage_duration, the policy on an unhealthy check, nothing on an inconclusive
     * one.
     *
     * @return the deployment's latest rollout after the step, if any
     */
    /**
     * One tick as a desk that drives rollouts: an active rollout is driven by one desk at a time, the one holding its
     * lease. The lease is taken or renewed for {@code driver} for one health-check interval; a desk that does not
     * hold it only reads. A lease its holder stopped renewing is taken over - by a desk that ticks at least once an
     * interval, within two intervals of the holder's last tick - and the takeover is an event in the rollout's log
     * (in the same transaction as the lease).
     */
    public Optional<Rollout> drive(String driver) {
        Optional<Rollout> latest = env.repository().latest(deploymentName);
        if (latest.isEmpty() || !latest.get().status().active()) {
            return tick();
        }
        Instant now = now();
        Duration leaseTtl = settings.onClock(latest.get().plan().healthCheckInterval());
        // The console ticks four times a second: the lease is renewed at most once a second (a quarter of the
        // term when that is shorter), which keeps it from running out under a live desk and the store from taking
        // a commit per tick.
        Duration renewEvery = leaseTtl.dividedBy(4).compareTo(Duration.ofSeconds(1)) < 0 ? leaseTtl.dividedBy(4)
                : Duration.ofSeconds(1);
        if (driver.equals(leaseDriver) && leaseRenewedAt != null
                && now.isBefore(leaseRenewedAt.plus(renewEvery)) && now.isAfter(leaseRenewedAt.minusNanos(1))) {
            return tick();
        }
        RolloutEvent[] takeover = new RolloutEvent[1];
        LeaseGrant grant = env.repository().lease(deploymentName, driver, now, leaseTtl, previous -> {
            Rollout r = env.repository().latest(deploymentName).orElseThrow();
            takeover[0] = env.repository().append(new RolloutEvent(r.rolloutId(), 0, now, driver,
                    RolloutEventKind.TAKEN_OVER, r.status(), r.status(), r.currentPercentage(),
                    r.currentPercentage(), r.currentStage(), false, "driver " + previous
                    + " stopped renewing its lease; " + driver + " drives the rollout from here"));
        });
        if (takeover[0] != null) {
            env.listener().onEvent(takeover[0]);
        }
        leaseDriver = grant.held() ? driver : null;
        leaseRenewedAt = grant.held() ? now : null;
        if (!grant.held()) {
            return latest;
        }
        return tick();
    }

    /** Gives up driving this deployment's rollout (a desk closing), so another desk takes over at once. */
    public void stopDriving(String driver) {
        leaseDriver = null;
        leaseRenewedAt = null;
        env.repository().releaseLease(deploymentName, driver);
    }

    public Optional<Rollout> tick() {
        long generation = generation();
        Optional<Rollout> latest = env.repository().latest(deploymentName);
        if (latest.isEmpty()) {
            return latest;
        }
        Rollout r = latest.get();
        ensureApplied(r);
        Instant now = now();
        if (r.status() != RolloutStatus.IN_PROGRESS || !checkDue(r, now)) {
            return latest;
        }
        HealthCheck check = evaluator.evaluate(r, now, CheckTrigger.SCHEDULED, settings.systemActor());
        Rollout next = r.checked(LastCheck.of(check));
        RolloutEventKind kind = null;
        String reason = null;
        if (check.outcome() == HealthOutcome.UNHEALTHY) {
            next = onUnhealthy(next, now);
            kind = policyEvent(r);
            reason = "health check failed: " + check.explanation();
        } else if (check.outcome() == HealthOutcome.HEALTHY
                && r.stageElapsed(now).compareTo(settings.onClock(r.plan().stageDuration())) >= 0) {
            next = next.advanced(r.currentStage() + 1, now);
            kind = next.status() == RolloutStatus.COMPLETED ? RolloutEventKind.COMPLETED : RolloutEventKind.ADVANCED;
            reason = "stage " + r.currentPercentage() + "% healthy for " + human(r.plan().stageDuration());
        }
        try {
            Committed c = commit(r, next, check, kind, now, settings.systemActor(), reason, false, generation);
            act(c);
            return Optional.of(c.rollout());
        } catch (ConcurrentChange | Fenced e) {
            // Another process moved the rollout while we measured; the next tick judges its new state.
            return env.repository().latest(deploymentName);
        }
    }

    /**
     * What a restarted driver does first: finds and repairs any drift between the deployment's desired state and
     * the registry and router, then re-applies the desired state in this process.
     */
    public Optional<Rollout> recover() {
        reconcile();
        reconciler.forget(deploymentName);
        Optional<Rollout> latest = env.repository().latest(deploymentName);
        latest.ifPresent(this::ensureApplied);
        return latest;
    }

    /** Finds and repairs drift on this deployment; reports what it found. */
    public ReconcileReport reconcile() {
        return reconciler.reconcile(deploymentName);
    }

    /** Where the registry and the router disagree with the stored desired state, changing nothing. */
    public List<Drift> drift() {
        return reconciler.inspect(deploymentName);
    }

    /** The latest rollout's transitions, oldest first. */
    public List<RolloutEvent> events() {
        return env.repository().events(status().rolloutId());
    }

    /** The latest rollout's health checks, oldest first. */
    public List<HealthCheck> healthChecks() {
        return env.repository().healthChecks(status().rolloutId());
    }

    /** A check is due every interval, and once when the stage has run its duration. */
    private boolean checkDue(Rollout r, Instant now) {
        Instant last = r.lastCheck() == null ? null : r.lastCheck().at();
        Instant ref = last == null || last.isBefore(r.stageStartedAt()) ? r.stageStartedAt() : last;
        Instant stageEnd = r.stageStartedAt().plus(settings.onClock(r.plan().stageDuration()));
        return !now.isBefore(ref.plus(settings.onClock(r.plan().healthCheckInterval())))
                || (!now.isBefore(stageEnd) && ref.isBefore(stageEnd));
    }

    private Rollout onUnhealthy(Rollout r, Instant now) {
        return r.plan().onUnhealthy() == UnhealthyPolicy.PAUSE ? r.paused(now) : r.stopped(RolloutStatus.FAILED, now);
    }

    private static RolloutEventKind policyEvent(Rollout r) {
        return r.plan().onUnhealthy() == UnhealthyPolicy.PAUSE ? RolloutEventKind.PAUSED : RolloutEventKind.FAILED;
    }

    private Rollout active(RolloutAction action) {
        return env.repository().active(deploymentName).orElseGet(() -> {
            Rollout last = status();
            RolloutStateMachine.require(last, action);
            return last;
        });
    }

    private record Committed(Rollout rollout, RolloutEvent event, HealthCheck check) {
    }

    private static final class ConcurrentChange extends RolloutException {
        ConcurrentChange(Rollout r) {
            super("rollout " + r.rolloutId() + " of " + r.deploymentName() + " was changed by someone else meanwhile; "
                    + "check its status and retry");
        }
    }

    /** An action that read an older generation of the deployment than the store holds now. */
    private static final class Fenced extends RolloutException {
        Fenced(String message) {
            super(message);
        }
    }

    /** The deployment's generation now (0 before any action wrote a desired state). */
    private long generation() {
        return env.repository().desired(deploymentName).map(DesiredState::generation).orElse(0L);
    }

    /**
     * Stores the check, the new state (if still at the revision read), the deployment's next desired state (if the
     * transition changes what router and registry should say, and the generation is still the one the action read)
     * and the event, in one transaction. An action fenced by a newer generation is refused and audited.
     */
    private Committed commit(Rollout before, Rollout after, HealthCheck check, RolloutEventKind kind, Instant now,
                             String actor, String reason, boolean forced, long readGeneration) {
        Rollout next = after.withRevision(before.revision() + 1);
        try {
            env.boundaries().at("before:store:rollout");
            Committed c = env.repository().atomically(() -> {
                HealthCheck stored = check == null ? null : env.repository().append(check);
                if (!env.repository().update(next)) {
                    throw new ConcurrentChange(before);
                }
                if (effectsChange(before, next)) {
                    writeDesired(before, next, now, actor, readGeneration);
                }
                RolloutEvent event = kind == null ? null : env.repository().append(RolloutEvent.between(before, next,
                        kind, now, actor, forced, reason));
                return new Committed(next, event, stored);
            });
            env.boundaries().at("after:store:rollout");
            return c;
        } catch (Fenced e) {
            env.repository().note(new DeploymentNote(now, actor, "fenced", before.rolloutId(), deploymentName,
                    java.util.Map.of("action", kind == null ? "health_check" : kind.key(), "read_generation",
                            Long.toString(readGeneration)), e.getMessage()));
            throw e;
        }
    }

    private static boolean effectsChange(Rollout before, Rollout next) {
        return before.status() != next.status() || before.currentPercentage() != next.currentPercentage();
    }

    /**
     * The rollout's next desired state. Stopping a rollout (failed, rolled back) is always allowed, but changes the
     * desired state only while the rollout still owns the deployment; any other change needs the deployment at the
     * generation the action read, still owned by this rollout.
     */
    private void writeDesired(Rollout before, Rollout next, Instant now, String actor, long readGeneration) {
        DesiredState prior = env.repository().desired(deploymentName).orElse(null);
        boolean owns = prior == null || prior.owner().equals(next.rolloutId());
        boolean stopping = !next.status().active() && next.status() != RolloutStatus.COMPLETED;
        if (stopping && !owns) {
            return;
        }
        long current = prior == null ? 0 : prior.generation();
        if (!owns || current != readGeneration) {
            throw new Fenced("refused: " + deploymentName + " moved to generation " + current + " (" + (prior == null
                    ? "nothing" : prior.source() + " by " + prior.updatedBy()) + ") after this action read generation "
                    + readGeneration + "; rollout " + before.rolloutId() + " no longer decides its traffic: check "
                    + "the deployment's status before acting again");
        }
        env.boundaries().at("before:store:desired");
        if (!env.repository().saveDesired(DesiredState.ofRollout(prior, next, now, actor))) {
            throw new ConcurrentChange(before);
        }
    }

    /** After the commit: tell listeners, then make the state true in the registry and the traffic split. */
    private void act(Committed c) {
        if (c.check() != null) {
            env.listener().onHealthCheck(c.check());
        }
        if (c.event() != null) {
            env.listener().onEvent(c.event());
        }
        ensureApplied(c.rollout());
    }

    /**
     * Makes the deployment's desired state true in the registry and the traffic split, once per generation in this
     * instance. A split of this rollout's active stage that the router refused fails the stage.
     */
    private void ensureApplied(Rollout r) {
        try {
            reconciler.ensure(deploymentName);
        } catch (Reconciler.TrafficNotApplied e) {
            DesiredState s = e.state();
            if (r.status().active() && s.owner().equals(r.rolloutId()) && s.canary() != null) {
                Rollout current = env.repository().find(r.rolloutId()).orElse(r);
                if (current.status().active()) {
                    failStage(current, e);
                }
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * A traffic change that did not reach the serving side is a failed stage, never a silent one: the rollout is
     * recorded as failed with the router's reason, traffic is sent back to production, and the caller hears why.
     * Should sending it back fail too, the failed state stays unapplied and every tick tries again.
     */
    private void failStage(Rollout r, Reconciler.TrafficNotApplied e) {
        Instant now = now();
        String reason = "traffic change to " + r.currentPercentage() + "% failed: " + e.getMessage();
        Committed c = commit(r, r.stopped(RolloutStatus.FAILED, now), null, RolloutEventKind.FAILED, now,
                settings.systemActor(), reason, false, generation());
        env.listener().onEvent(c.event());
        String back;
        try {
            reconciler.ensure(deploymentName);
            back = "traffic is back on production";
        } catch (RuntimeException again) {
            back = "sending traffic back to production failed too (" + again.getMessage() + "); retrying on every tick";
        }
        RolloutException failed = new RolloutException("rollout " + r.rolloutId() + " of " + r.deploymentName() + " "
                + r.newVersion() + " failed at " + r.currentPercentage() + "%: " + reason + "; " + back);
        failed.initCause(e.getCause());
        throw failed;
    }

    /** Millisecond precision, as the store keeps it, so a state reads back equal to what was committed. */
    private Instant now() {
        return env.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? (s / 60) + " min" : s + " s";
    }
}
