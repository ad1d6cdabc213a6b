package io.promptdesk.ui.rollback;

import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollback.RunnerLiveness;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A workspace store with simulated time and traffic and a rollback controller that runs on the calling thread;
 * pauses move the simulated clock, so nothing sleeps. Fakes for the confirmation and the countdown's ticker.
 */
public final class RollbackUiFixture implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    public static final String ACTOR = "ana";

    public final SimulatedClock clock = new SimulatedClock(T0);
    public final SimulatedService sim = new SimulatedService(clock, 7);
    public final Database db;
    public final ModelRegistry registry;
    public final JdbcAuditLog audit;
    public final RolloutRepository rollouts;
    public final JdbcRollbackRepository rollbacks;
    public final RollbackController controller;
    public final FakeConfirmer confirmer = new FakeConfirmer();
    public final FakeTicker ticker = new FakeTicker();

    public RollbackUiFixture(Path dir) {
        sim.setDefaultRate(50);
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        audit = new JdbcAuditLog(db);
        rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
        rollbacks = new JdbcRollbackRepository(db);
        controller = new RollbackController(new RollbackEnvironment(registry, rollouts, sim::route, sim, rollbacks,
                audit, clock, Runnable::run, new SteppingTimer(), new Liveness()), RollbackSettings.defaults());
    }

    /** 1.0 was production, then 1.1 replaced it; a minute of traffic on 1.1. */
    public RollbackUiFixture promoted(String model) {
        register(model, "1.0", VersionStatus.STABLE);
        register(model, "1.1", VersionStatus.STABLE);
        sim.route(model, "1.1", null, 0);
        serve(Duration.ofMinutes(1));
        return this;
    }

    public void register(String model, String version, VersionStatus status) {
        registry.register(new NewVersion(model, version, "Write a hook about {topic}, take " + version, null, null,
                status, Map.of()), Attribution.of(ACTOR, "fixture"));
    }

    public void serve(Duration d) {
        clock.advance(d);
        sim.catchUp();
    }

    public String production(String model) {
        return registry.resolve(model, ModelRegistry.PRODUCTION).map(ModelVersion::version).orElse(null);
    }

    public List<String> models() {
        return registry.models().stream().map(Model::name).toList();
    }

    public RollbackServices services(BackgroundRunner runner, DialogService dialogs, Consumer<Runnable> fx) {
        return new RollbackServices(controller, runner, dialogs, confirmer, ticker, clock, fx, ACTOR, this::models,
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        db.close();
    }

    /** Pauses move simulated time; the rollback runs on the caller, so it is done when awaited. */
    private final class SteppingTimer implements RollbackTimer {
        @Override
        public void pause(Duration d) {
            serve(d);
        }

        @Override
        public boolean await(Future<?> work, Clock c, Instant deadline) {
            return work.isDone();
        }
    }

    /** This process is "me"; any other runner is gone (its process crashed). */
    private static final class Liveness implements RunnerLiveness {
        @Override
        public String self() {
            return "me";
        }

        @Override
        public boolean isGone(String owner) {
            return !"me".equals(owner);
        }
    }

    /** Answers confirmations with scripted reasons (empty: cancelled) and records what was asked. */
    public static final class FakeConfirmer implements RollbackConfirmer {
        public final Deque<Optional<String>> answers = new ArrayDeque<>();
        public final List<String> asked = new ArrayList<>();

        @Override
        public Optional<String> confirm(String action, String defaultReason) {
            asked.add(action);
            return answers.isEmpty() ? Optional.empty() : answers.poll();
        }
    }

    /** A ticker the test fires by hand. */
    public static final class FakeTicker implements SlaTicker {
        private Runnable tick;

        @Override
        public void start(Runnable t) {
            tick = t;
        }

        @Override
        public void stop() {
            tick = null;
        }

        public boolean running() {
            return tick != null;
        }

        public void fire() {
            if (tick != null) {
                tick.run();
            }
        }
    }
}
