package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutListener;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code promptdesk rollout watch}: drives the deployment's rollout in the foreground, one JSON line per health
 * check and transition, until the rollout can no longer move without a person: completed (exit 0), paused, failed
 * or rolled back (exit 1, saying why). {@code --follow} keeps watching a paused rollout. Killed and started again,
 * it continues from the store.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Drive the rollout: health checks, stage advances, pause or rollback, one JSON line per event.",
        footer = {"", "Exit codes: 0 completed, 1 paused (it needs a person; --follow waits), failed or rolled back, "
                + "2 bad usage or input."})
public final class RolloutWatchCommand extends CliCommand implements Callable<Integer> {
    /** This process, as the holder of the lease on the rollout it watches (host, process, start). */
    private static final String DRIVER = io.promptdesk.engine.rollback.RunnerLiveness.ofProcess().self();

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--simulate", description = "Serve the deployment's traffic from the embedded simulated service.")
    boolean simulate;

    @Option(names = "--time-scale", paramLabel = "N", defaultValue = "1",
            description = "Run N times faster: 60 runs a 5-minute stage in 5 seconds (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "" + SimulatedService.DEFAULT_RATE,
            description = "Simulated requests per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the simulated traffic.")
    long seed;

    @Option(names = "--follow", description = "Keep watching a paused rollout until someone resumes or aborts it "
            + "(default: stop, exit 1, saying why).")
    boolean follow;

    @Option(names = "--fault-after", paramLabel = "S",
            description = "With --simulate: after S seconds make the canary 3x slower with 8%% errors.")
    Double faultAfter;

    @Override
    public Integer call() throws InterruptedException {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new BadInputException("--time-scale must be a positive number, got " + timeScale);
        }
        try (Engines services = Engines.open(options.config())) {
            SimulatedService sim = simulate ? new SimulatedService(services.clock(), seed) : null;
            if (sim != null) {
                sim.setDefaultRate(rate * timeScale);
            }
            services.access().require(io.promptdesk.model.GuardedAction.DRIVE_ROLLOUT, deployment);
            RolloutSettings settings = RolloutSettings.defaults(services.actor()).withTimeScale(timeScale);
            MetricsSource metrics = services.metrics(sim != null ? sim : Engines.NO_METRICS);
            GradualRolloutManager manager = services.driver(deployment, metrics,
                    services.router(sim != null ? sim::route : Engines.NOT_ROUTED), new Lines(), settings);
            Rollout r = manager.recover().orElseThrow(() -> new RolloutException("no rollout has been started on "
                    + deployment + ": start one with promptdesk rollout start"));
            line("status", RolloutView.of(r));
            if (metrics == Engines.NO_METRICS && r.status().active()) {
                err().println("promptdesk rollout watch: without --simulate or a Prometheus (--prometheus-url) no "
                        + "metrics reach this process, so health checks are inconclusive and stages hold");
                err().flush();
            }
            Instant faultAt = faultAfter == null || sim == null ? null
                    : services.clock().instant().plus(settings.onClock(Duration.ofMillis((long) (faultAfter * 1000))));
            try {
                r = watch(r, manager, sim, faultAt, settings, services);
            } finally {
                // Another desk may drive the rollout at once, without waiting for this lease to run out.
                manager.stopDriving(DRIVER);
            }
            line("status", RolloutView.of(r));
            if (r.status() != RolloutStatus.COMPLETED) {
                // A CI job must not hang on a rollout that only a person can move on: say why it stopped.
                String why = manager.events().stream().reduce((a, b) -> b).map(RolloutEvent::reason)
                        .filter(x -> x != null && !x.isBlank()).orElse("no reason recorded");
                err().println("promptdesk rollout watch: rollout " + r.rolloutId() + " of " + r.newVersion() + " is "
                        + r.status().key() + " at " + r.currentPercentage() + "%: " + why
                        + (r.status() == RolloutStatus.PAUSED ? "; it waits for a person (resume, advance --force, "
                        + "or abort); --follow keeps watching" : ""));
                err().flush();
            }
            return r.status() == RolloutStatus.COMPLETED ? PromptDeskCommand.EXIT_OK
                    : PromptDeskCommand.EXIT_GATE_FAILED;
        }
    }

    /** A fifth of a check interval on the clock: checks run on time without spinning. */
    private static long pace(RolloutSettings settings, Rollout r) {
        long ms = settings.onClock(r.plan().healthCheckInterval()).toMillis() / 5;
        return Math.max(5, Math.min(500, ms));
    }

    private void line(String type, Object value) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.putAll(Json.mapper().convertValue(value, new com.fasterxml.jackson.core.type.TypeReference<
                Map<String, Object>>() {
        }));
        synchronized (this) {
            out().println(Json.write(line));
            out().flush();
        }
    }

    private final class Lines implements RolloutListener {
        @Override
        public void onEvent(RolloutEvent event) {
            line("event", event);
        }

        @Override
        public void onHealthCheck(HealthCheck check) {
            line("health_check", check);
        }
    }

    /** Drives (or, while another desk holds the lease, follows) the rollout until it ends or pauses. */
    private Rollout watch(Rollout start, GradualRolloutManager manager, SimulatedService sim, Instant faultAt,
                          RolloutSettings settings, Engines services) throws InterruptedException {
        Rollout r = start;
        Instant fault = faultAt;
        while (r.status() == RolloutStatus.IN_PROGRESS || follow && r.status() == RolloutStatus.PAUSED) {
            if (sim != null) {
                if (fault != null && !services.clock().instant().isBefore(fault)) {
                    sim.injectFault(deployment, r.newVersion(), 3, 0.08);
                    line("fault", Map.of("version", r.newVersion(), "latency_factor", 3, "error_rate", 0.08));
                    fault = null;
                }
                sim.catchUp();
            }
            r = manager.drive(DRIVER).orElseThrow();
            if (r.status().active()) {
                Thread.sleep(pace(settings, r));
            }
        }
        return r;
    }
}
