package io.promptdesk.app.rollout;


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
import java.util.Map;
import java.util.function.Consumer;

/** A workspace store, simulated time and traffic, and the console over them; deployments on request. */
public final class RolloutWorkspaceFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final String ACTOR = "ana";

    public final SimulatedClock clock = new SimulatedClock(T0);
    public final Database db;
    public final ModelRegistry registry;
    public final JdbcRolloutRepository rollouts;
    public final SimulatedService sim;
    public final RolloutConsole console;

    public RolloutWorkspaceFixture(Path dir) {
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        rollouts = new JdbcRolloutRepository(db);
        sim = new SimulatedService(clock, 5);
        console = new RolloutConsole(new RolloutServices(rollouts, registry, sim, clock, ACTOR));
        console.setRate(200);
    }

    /** Registers {@code model} with stable 1.0 in production and candidate 1.1. */
    public RolloutWorkspaceFixture deployment(String model) {
        Attribution by = Attribution.of(ACTOR, "fixture");
        registry.register(new NewVersion(model, "1.0", "Write a hook about {topic}", null, null,
                VersionStatus.STABLE, Map.of()), by);
        registry.register(NewVersion.candidate(model, "1.1", "Write a short hook about {topic}"), by);
        return this;
    }

    /** Lets {@code total} of simulated time pass in {@code step}s, ticking the console and publishing each tick. */
    public void run(Duration total, Duration step, Consumer<ConsoleSnapshot> publish) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plus(step)) {
            clock.advance(step);
            publish.accept(console.tick());
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
