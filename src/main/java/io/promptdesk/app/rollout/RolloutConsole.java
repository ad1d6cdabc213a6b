package io.promptdesk.app.rollout;

import io.promptdesk.app.Permissions;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.ReconcileReport;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutListener;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.metrics.BehaviourProfile;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.Attribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's side of the rollout engines, free of JavaFX: drives every active rollout's manager and the
 * simulated service, carries out the person's intents, and returns an immutable {@link ConsoleSnapshot} after
 * each. One lock serialises the scheduler's ticks and the intents, which arrive on background threads.
 * <p>
 * Times are stored as the clock's. A time scale, as the CLI's {@code --time-scale}, shortens every planned
 * duration on the clock and multiplies the simulated traffic, so a five-minute stage runs in five seconds at 60x.
 */
public final class RolloutConsole {
    /** This desk, as the holder of the leases on the rollouts it drives (host, process, start). */
    static final String DRIVER = io.promptdesk.engine.rollback.RunnerLiveness.ofProcess().self();
    /** The injected fault: the canary becomes this much slower ... */
    public static final double FAULT_LATENCY_FACTOR = io.promptdesk.metrics.SimulatedService.DEMO_FAULT_LATENCY_FACTOR;
    /** ... and fails this share of its requests, from now on. */
    public static final double FAULT_ERROR_RATE = io.promptdesk.metrics.SimulatedService.DEMO_FAULT_ERROR_RATE;
    /** The lists are re-read at least this often (in ticks): the CLI may change the store meanwhile. */
    static final int LIST_REFRESH_TICKS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RolloutConsole.class);

    private final RolloutServices services;
    private final RolloutEnvironment env;
    private final RolloutReader reader;
    private final Map<String, GradualRolloutManager> managers = new HashMap<>();
    private RolloutSettings settings;
    private double rate = SimulatedService.DEFAULT_RATE;
    private String selected;
    private long seq;
    private int ticksSinceLists;
    private boolean listsStale = true;
    private String problem;

    public RolloutConsole(RolloutServices services) {
        this.services = services;
        this.reader = new RolloutReader(services.rollouts(), services.registry());
        this.env = new RolloutEnvironment(services.rollouts(), services.registry(), services.metrics(),
                new RegressionHealthComparator(), services.router(), services.clock(), new Heard());
        this.settings = RolloutSettings.defaults(services.actor());
        services.simulator().setDefaultRate(rate);
    }

    /**
     * One step of the driver: serves the simulated traffic up to now, lets each active rollout's manager run its
     * due health checks and stage moves, and returns the picture after it. A failing rollout or store does not
     * stop the others; the snapshot says what failed.
     */
    public synchronized ConsoleSnapshot tick() {
        problem = null;
        try {
            services.simulator().catchUp();
            // A desk whose login may not drive rollouts (a viewer's) watches them; a releaser's desk drives.
            List<Rollout> driven = services.permissions().may(GuardedAction.DRIVE_ROLLOUT)
                    ? services.rollouts().allActive() : List.of();
            for (Rollout r : driven) {
                try {
                    manager(r.deploymentName()).drive(DRIVER);
                } catch (PromptDeskException e) {
                    problem = r.deploymentName() + ": " + e.getMessage();
                    LOG.warn("driving the rollout of {}: {}", r.deploymentName(), e.getMessage());
                }
            }
        } catch (PromptDeskException e) {
            problem = e.getMessage();
            LOG.warn("driving the rollouts: {}", e.getMessage());
        }
        if (++ticksSinceLists >= LIST_REFRESH_TICKS) {
            listsStale = true;
        }
        return snapshot();
    }

    /** Shows {@code rolloutId} (null: the newest active rollout, else the newest). */
    public synchronized ConsoleSnapshot select(String rolloutId) {
        selected = rolloutId;
        return snapshot();
    }

    /** Re-reads everything from the store. */
    public synchronized ConsoleSnapshot refresh() {
        listsStale = true;
        return snapshot();
    }

    private void guard(GuardedAction action, String rolloutId) {
        String deployment = services.rollouts().find(rolloutId).map(Rollout::deploymentName).orElse(rolloutId);
        services.permissions().require(action, deployment);
    }

    /** What the person at this desk may do: the console's buttons follow it. */
    public Permissions permissions() {
        return services.permissions();
    }

    public synchronized ConsoleSnapshot start(StartRequest request) {
        services.permissions().require(GuardedAction.START_ROLLOUT, request.deployment());
        RolloutView v = acting(manager(request.deployment())).startRollout(request.version(), request.plan(),
                by(request.reason(), null));
        selected = v.rolloutId();
        listsStale = true;
        return snapshot();
    }

    /** Moves to {@code percentage}; a forced move skips the health check and needs a reason. */
    public synchronized ConsoleSnapshot advance(String rolloutId, int percentage, boolean force, String reason) {
        guard(force ? GuardedAction.FORCE_ROLLOUT : GuardedAction.ADVANCE_ROLLOUT, rolloutId);
        managerOf(rolloutId).updateTrafficPercentage(percentage, force, by(reason, null));
        return snapshot();
    }

    public synchronized ConsoleSnapshot pause(String rolloutId, String reason) {
        guard(GuardedAction.PAUSE_ROLLOUT, rolloutId);
        managerOf(rolloutId).pauseRollout(by(reason, "paused from the console"));
        return snapshot();
    }

    public synchronized ConsoleSnapshot resume(String rolloutId) {
        guard(GuardedAction.RESUME_ROLLOUT, rolloutId);
        managerOf(rolloutId).resumeRollout(by(null, null));
        return snapshot();
    }

    public synchronized ConsoleSnapshot complete(String rolloutId, boolean skipChecks, String reason) {
        guard(GuardedAction.COMPLETE_ROLLOUT, rolloutId);
        managerOf(rolloutId).completeRollout(skipChecks, by(reason, null));
        return snapshot();
    }

    public synchronized ConsoleSnapshot abort(String rolloutId, String reason) {
        guard(GuardedAction.ABORT_ROLLOUT, rolloutId);
        managerOf(rolloutId).abortRollout(by(reason, "aborted from the console"));
        return snapshot();
    }

    /**
     * The engines behind the registry, metrics or router changed: managers are made afresh, so each re-applies its
     * rollout's traffic split through the router now in use, and the lists are re-read.
     */
    public synchronized ConsoleSnapshot enginesChanged() {
        managers.clear();
        listsStale = true;
        return snapshot();
    }

    /** Simulated requests per second of plan time, for every deployment. */
    public synchronized ConsoleSnapshot setRate(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new BadInputException("the request rate must be a number >= 0 per second, got " + requestsPerSecond);
        }
        rate = requestsPerSecond;
        services.simulator().setDefaultRate(rate * settings.timeScale());
        return snapshot();
    }

    /** Plan seconds per clock second: 60 runs a five-minute stage in five seconds. */
    public synchronized ConsoleSnapshot setTimeScale(double scale) {
        settings = settings.withTimeScale(scale);
        // Managers carry their settings; the state lives in the store, so new ones simply continue.
        managers.clear();
        services.simulator().setDefaultRate(rate * scale);
        return snapshot();
    }

    public synchronized ConsoleSnapshot setProfile(String deployment, String version, BehaviourProfile profile) {
        services.simulator().setProfile(deployment, version, profile);
        return snapshot();
    }

    /** From now on the version is {@value #FAULT_LATENCY_FACTOR}x slower and fails 8% of its requests. */
    public synchronized ConsoleSnapshot injectFault(String deployment, String version) {
        services.simulator().injectFault(deployment, version, FAULT_LATENCY_FACTOR, FAULT_ERROR_RATE);
        LOG.info("fault injected into {} {}", deployment, version);
        return snapshot();
    }

    private ConsoleSnapshot snapshot() {
        if (listsStale) {
            reader.refreshLists();
            listsStale = false;
            ticksSinceLists = 0;
        }
        Instant now = services.clock().instant();
        double scale = settings.timeScale();
        Optional<RolloutDetail> detail = reader.detail(selected, now, scale);
        if (detail.isEmpty()) {
            selected = reader.defaultSelection().orElse(null);
            detail = reader.detail(selected, now, scale);
        }
        int active = (int) reader.rows().stream().filter(RolloutRow::active).count();
        return new ConsoleSnapshot(++seq, now, reader.rows(), active, settings.maxConcurrentRollouts(),
                reader.choices(), detail.orElse(null), simulatorState(detail.orElse(null)), problem);
    }

    private SimulatorState simulatorState(RolloutDetail detail) {
        if (detail == null) {
            return new SimulatorState(rate, settings.timeScale(), null, null, null, null, null, false);
        }
        Rollout r = detail.rollout();
        SimulatedService sim = services.simulator();
        return new SimulatorState(rate, settings.timeScale(), r.deploymentName(), r.stableVersion(),
                sim.profile(r.deploymentName(), r.stableVersion()), r.newVersion(),
                sim.profile(r.deploymentName(), r.newVersion()), r.status().active());
    }

    private GradualRolloutManager manager(String deployment) {
        return managers.computeIfAbsent(deployment, d -> new GradualRolloutManager(d, env, settings));
    }

    /** The manager of an active rollout; a finished one can no longer be acted on. */
    private GradualRolloutManager managerOf(String rolloutId) {
        Rollout r = services.rollouts().find(rolloutId).orElseThrow(() ->
                new RolloutException("no rollout " + rolloutId + " in this workspace"));
        if (!r.status().active()) {
            throw new RolloutException("rollout " + rolloutId + " of " + r.deploymentName() + " has ended ("
                    + RolloutFormat.status(r.status()) + "); start a new rollout instead");
        }
        return acting(manager(r.deploymentName()));
    }

    /**
     * A person's action acts on the world as the store says it is: any drift of the router or registry from the
     * deployment's desired state (a crash elsewhere, a failed call) is repaired first.
     */
    private static GradualRolloutManager acting(GradualRolloutManager m) {
        ReconcileReport r = m.reconcile();
        if (!r.inSync()) {
            LOG.warn("{}: drift left before acting: {}", m.deploymentName(), r.remaining());
        }
        return m;
    }

    private Attribution by(String reason, String fallback) {
        return Attribution.of(services.actor(), reason == null || reason.isBlank() ? fallback : reason);
    }

    /** Every transition may change the lists (statuses, percentages, which deployments are busy). */
    private final class Heard implements RolloutListener {
        @Override
        public void onEvent(RolloutEvent event) {
            listsStale = true;
        }
    }
}
