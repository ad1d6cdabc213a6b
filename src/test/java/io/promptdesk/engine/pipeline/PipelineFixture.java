package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A workspace store with simulated time and traffic, and a test runner whose case timings come from a ticker that
 * steps through a fixed pattern: per-case times are deterministic, and a slower template is a step multiplier.
 */
final class PipelineFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final String MODEL = "product-copy";
    static final String TEMPLATE = "Write a short, friendly description of {product} in a {tone} tone, "
            + "naming two of its best features.";
    static final List<Map<String, Object>> CASES = List.of(
            Map.of("product", "a desk lamp", "tone", "warm"), Map.of("product", "a kettle", "tone", "playful"),
            Map.of("product", "hiking boots", "tone", "bold"), Map.of("product", "a notebook", "tone", "calm"),
            Map.of("product", "a bicycle bell", "tone", "cheerful"), Map.of("product", "a tea cup", "tone", "cosy"),
            Map.of("product", "a rain jacket", "tone", "practical"), Map.of("product", "a chess set", "tone", "wry"));

    final SimulatedClock clock = new SimulatedClock(T0);
    final SimulatedService sim = new SimulatedService(clock, 11);
    final Database db;
    final ModelRegistry registry;
    final AuditLog audit;
    final RolloutRepository rollouts;
    final ExecutorService workers = Executors.newCachedThreadPool();
    final List<String> steps = new ArrayList<>();

    PipelineFixture(Path dir) {
        sim.setDefaultRate(50);
        db = Database.open(Workspace.databaseFile(dir));
        registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        audit = new JdbcAuditLog(db);
        rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
    }

    /** Cases take 1, 2, 3, 1, 2, 3 ... ms times {@code factor}: the ticker steps once per read. */
    PromptTestRunner runner(double factor) {
        long[] pattern = {1_000_000, 2_000_000, 3_000_000, 1_500_000};
        AtomicLong reads = new AtomicLong();
        AtomicLong now = new AtomicLong();
        return new PromptTestRunner(1, workers, () -> now.addAndGet(
                (long) (pattern[(int) (reads.getAndIncrement() % pattern.length)] * factor)));
    }

    /** When set, the rollback controller's registry fails every change: a rollback cannot switch. */
    boolean rollbackRegistryDown;

    PipelineEnvironment env(PromptTestRunner runner) {
        ModelRegistry rollbackRegistry = rollbackRegistryDown ? new BrokenSwitchRegistry(registry) : registry;
        RolloutEnvironment re = new RolloutEnvironment(rollouts, registry, sim, new RegressionHealthComparator(),
                sim::route, clock, null);
        RollbackController rollback = new RollbackController(new RollbackEnvironment(rollbackRegistry, rollouts, sim::route,
                sim, new JdbcRollbackRepository(db), audit, clock, Runnable::run, new Timer(), null),
                RollbackSettings.defaults());
        RolloutSettings settings = RolloutSettings.defaults("ci");
        return new PipelineEnvironment(runner, re, settings, rollback, audit, clock, this::pass,
                deployment -> new GradualRolloutManager(deployment, re, settings));
    }

    CicdPipeline pipeline(double factor, PipelineConfig config) {
        return new CicdPipeline(env(runner(factor)), config);
    }

    PipelineConfig config() {
        return PipelineConfig.defaults(MODEL, CASES, "ci").withPlan(plan());
    }

    static RolloutPlan plan() {
        return RolloutPlan.of(null, List.of(10, 50, 100), null, null, Duration.ofMinutes(5), Duration.ofSeconds(30),
                UnhealthyPolicy.PAUSE);
    }

    /** The model's first version, straight to production, serving its traffic. */
    PipelineReport firstVersion() {
        PipelineReport r = pipeline(1, config()).deployNewPrompt(TEMPLATE, "1.0");
        sim.route(MODEL, "1.0", null, 0);
        pass(Duration.ofMinutes(1));
        return r;
    }

    void pass(Duration d) {
        clock.advance(d);
        sim.catchUp();
    }

    String production() {
        return registry.resolve(MODEL, ModelRegistry.PRODUCTION).map(ModelVersion::version).orElse(null);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        db.close();
    }

    /** Rollback pauses move the simulated clock; the SLA watchdog never waits on work that ran on the caller. */
    private final class Timer implements RollbackTimer {
        @Override
        public void pause(Duration d) {
            pass(d);
        }

        @Override
        public boolean await(Future<?> work, Clock c, Instant deadline) {
            return work.isDone();
        }
    }
}
