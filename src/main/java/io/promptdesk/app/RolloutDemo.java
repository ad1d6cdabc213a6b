package io.promptdesk.app;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Demo history for an empty workspace (the README's screenshot): two deployments from the sample workspace, one
 * rollout that failed after a fault was injected, and one half-way through its stages at {@code now}. The past is
 * replayed in simulated time on the real engines and store, so the console then simply continues the live one.
 */
public final class RolloutDemo {
    public static final String LIVE = "support-reply";
    public static final String FAILED = "release-notes";
    private static final Duration STEP = Duration.ofSeconds(5);

    private RolloutDemo() {
    }

    /** Seeds the demo unless the store already holds a model; true when it did. */
    public static boolean seed(Engines engines, Instant now, String actor) {
        SimulatedClock clock = new SimulatedClock(now.minus(Duration.ofMinutes(45)));
        ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(engines.database()), clock);
        if (!registry.models().isEmpty()) {
            return false;
        }
        RolloutRepository rollouts = new JdbcRolloutRepository(engines.database());
        SimulatedService sim = new SimulatedService(clock, 7);
        sim.setDefaultRate(40);
        RolloutEnvironment env = new RolloutEnvironment(rollouts, registry, sim, new RegressionHealthComparator(),
                sim::route, clock, null);
        Attribution by = Attribution.of(actor, "demo");
        register(registry, FAILED, "2.0", "2.1", by);
        register(registry, LIVE, "1.0", "1.1", by);
        RolloutSettings settings = RolloutSettings.defaults(actor);

        GradualRolloutManager failing = new GradualRolloutManager(FAILED, env, settings);
        failing.startRollout("2.1", plan(List.of(10, 25, 50, 100), UnhealthyPolicy.ROLLBACK),
                Attribution.of(actor, "weekly release notes, shorter intro"));
        run(clock, sim, failing, clock.instant().plus(Duration.ofMinutes(5)));
        sim.injectFault(FAILED, "2.1", SimulatedService.DEMO_FAULT_LATENCY_FACTOR,
                SimulatedService.DEMO_FAULT_ERROR_RATE);
        run(clock, sim, failing, clock.instant().plus(Duration.ofMinutes(10)));

        clock.advance(Duration.between(clock.instant(), now.minus(Duration.ofSeconds(430))));
        sim.catchUp();
        GradualRolloutManager live = new GradualRolloutManager(LIVE, env, settings);
        live.startRollout("1.1", plan(List.of(5, 10, 25, 50, 75, 100), UnhealthyPolicy.PAUSE),
                Attribution.of(actor, "friendlier greeting, billing escalation"));
        run(clock, sim, live, now);
        return true;
    }

    /** Serves traffic and ticks the manager until {@code until}, or until the rollout ends. */
    private static void run(SimulatedClock clock, SimulatedService sim, GradualRolloutManager m, Instant until) {
        while (clock.instant().isBefore(until)) {
            Duration step = Duration.between(clock.instant(), until);
            clock.advance(step.compareTo(STEP) < 0 ? step : STEP);
            sim.catchUp();
            Rollout r = m.tick().orElseThrow();
            if (!r.status().active()) {
                return;
            }
        }
    }

    private static RolloutPlan plan(List<Integer> stages, UnhealthyPolicy policy) {
        return new RolloutPlan(stages, RolloutPlan.DEFAULT_METRICS, Map.of(Metric.ERROR_RATE, 0.05,
                Metric.LATENCY_P95, 1.0), Duration.ofMinutes(2), Duration.ofSeconds(15), policy);
    }

    private static void register(ModelRegistry registry, String model, String stable, String candidate,
                                 Attribution by) {
        String template = sample(model);
        registry.register(new NewVersion(model, stable, template, null, null, VersionStatus.STABLE, Map.of()), by);
        registry.register(NewVersion.candidate(model, candidate, template + "\nKeep it under 120 words."), by);
    }

    private static String sample(String name) {
        try (InputStream in = RolloutDemo.class.getResourceAsStream("/promptdesk/sample-workspace/" + name
                + ".prompt")) {
            if (in == null) {
                throw new IOException("the bundled sample workspace lacks " + name + ".prompt");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
