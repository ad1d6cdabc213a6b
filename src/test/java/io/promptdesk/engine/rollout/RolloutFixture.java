package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A workspace with a deployment (stable 1.0, candidate 1.1), simulated time and traffic, and a manager on it. */
final class RolloutFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Attribution ANA = Attribution.of("ana", "release 1.1");

    final Path dir;
    final SimulatedClock clock = new SimulatedClock(T0);
    final SimulatedService sim;
    final List<Object> heard = new ArrayList<>();
    Database db;
    ModelRegistry registry;
    RolloutRepository rollouts;
    RolloutEnvironment env;

    /** Opens the store: again after {@link #reopen()}, on the same data. */
    private final java.util.function.Supplier<Database> opener;

    RolloutFixture(Path dir, long seed, double rate) {
        this(dir, seed, rate, () -> Database.open(Workspace.databaseFile(dir)));
    }

    /** On the store {@code opener} opens (the team store's contract tests). */
    RolloutFixture(Path dir, long seed, double rate, java.util.function.Supplier<Database> opener) {
        this.dir = dir;
        this.opener = opener;
        this.sim = new SimulatedService(clock, seed);
        sim.setDefaultRate(rate);
        open();
    }

    void open() {
        db = opener.get();
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        rollouts = new JdbcRolloutRepository(db);
        env = new RolloutEnvironment(rollouts, registry, sim, new RegressionHealthComparator(), sim::route, clock,
                new RolloutListener() {
                    @Override
                    public void onEvent(RolloutEvent event) {
                        heard.add(event);
                    }

                    @Override
                    public void onHealthCheck(HealthCheck check) {
                        heard.add(check);
                    }
                });
    }

    void reopen() {
        db.close();
        open();
    }

    /** Registers {@code model} with stable 1.0 in production and candidate 1.1, and routes its traffic. */
    RolloutFixture deployment(String model) {
        registry.register(new NewVersion(model, "1.0", "Write a hook about {topic}", null, null, VersionStatus.STABLE,
                Map.of()), ANA);
        registry.register(NewVersion.candidate(model, "1.1", "Write a short hook about {topic}"), ANA);
        sim.route(model, "1.0", null, 0);
        return this;
    }

    GradualRolloutManager manager(String deployment) {
        return manager(deployment, RolloutSettings.defaults("ana"));
    }

    GradualRolloutManager manager(String deployment, RolloutSettings settings) {
        return new GradualRolloutManager(deployment, env, settings);
    }

    /** Lets {@code total} of simulated time pass in steps, serving traffic and ticking the manager after each. */
    void run(GradualRolloutManager m, Duration total, Duration step) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(step)) {
            clock.advance(step);
            sim.catchUp();
            m.tick();
        }
    }

    /** Serves traffic for {@code d} without ticking. */
    void serve(Duration d) {
        clock.advance(d);
        sim.catchUp();
    }

    static RolloutPlan plan(UnhealthyPolicy policy) {
        return RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(30), policy);
    }

    @Override
    public void close() {
        db.close();
    }
}
