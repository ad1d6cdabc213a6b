package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * A workspace with simulated time and traffic, a registry that misbehaves on demand, the rollout and rollback
 * stores with the audit log, and a controller that runs rollbacks on the calling thread.
 */
final class RollbackFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Attribution ANA = Attribution.of("ana", "release");

    final Path dir;
    final SimulatedClock clock = new SimulatedClock(T0);
    final SimulatedService sim;
    final SimulatedTimer timer;
    final FakeLiveness liveness = new FakeLiveness("host/1/0/self");
    final Database db;
    final ModelRegistry plainRegistry;
    final ControlledRegistry registry;
    final RolloutRepository rollouts;
    final JdbcRollbackRepository rollbacks;
    final AuditLog audit;
    RollbackEnvironment env;

    RollbackFixture(Path dir) {
        this(dir, DatabaseOptions.defaults());
    }

    RollbackFixture(Path dir, DatabaseOptions options) {
        this(dir, Database.open(Workspace.databaseFile(dir), options));
    }

    /** On a store opened by the caller (the team store's contract tests), closed with the fixture. */
    RollbackFixture(Path dir, Database db) {
        this.dir = dir;
        this.sim = new SimulatedService(clock, 7);
        sim.setDefaultRate(50);
        this.timer = new SimulatedTimer(clock, sim);
        this.db = db;
        this.plainRegistry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        this.registry = new ControlledRegistry(plainRegistry, clock);
        this.audit = new JdbcAuditLog(db);
        this.rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
        this.rollbacks = new JdbcRollbackRepository(db);
        this.env = new RollbackEnvironment(registry, rollouts, sim::route, sim, rollbacks, audit, clock,
                Runnable::run, timer, liveness);
    }

    RollbackController controller() {
        return controller(RollbackSettings.defaults());
    }

    RollbackController controller(RollbackSettings settings) {
        return new RollbackController(env, settings);
    }

    RollbackFixture withMetrics(MetricsSource metrics) {
        env = env.withMetrics(metrics);
        return this;
    }

    RollbackFixture withExecutor(Executor executor, RollbackTimer t) {
        env = env.withExecution(executor, t);
        return this;
    }

    /** 1.0 was production, 1.1 replaced it (1.0 retired): production 1.1, serving traffic for a minute. */
    RollbackFixture promoted(String model) {
        register(model, "1.0", VersionStatus.STABLE);
        register(model, "1.1", VersionStatus.STABLE);
        sim.route(model, "1.1", null, 0);
        serve(Duration.ofMinutes(1));
        return this;
    }

    /** Production 1.0; 1.1 rolling out at 10% for a minute. */
    GradualRolloutManager canary(String model) {
        register(model, "1.0", VersionStatus.STABLE);
        register(model, "1.1", VersionStatus.CANDIDATE);
        sim.route(model, "1.0", null, 0);
        GradualRolloutManager m = new GradualRolloutManager(model, new RolloutEnvironment(rollouts, plainRegistry, sim,
                new RegressionHealthComparator(), sim::route, clock, null), RolloutSettings.defaults("ana"));
        m.startRollout("1.1", RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(30),
                UnhealthyPolicy.PAUSE), ANA);
        serve(Duration.ofMinutes(1));
        return m;
    }

    void register(String model, String version, VersionStatus status) {
        plainRegistry.register(new NewVersion(model, version, "Write a hook about {topic}, take " + version, null,
                null, status, Map.of()), ANA);
    }

    void serve(Duration d) {
        clock.advance(d);
        sim.catchUp();
    }

    String production(String model) {
        return plainRegistry.resolve(model, ModelRegistry.PRODUCTION).map(ModelVersion::version).orElse(null);
    }

    VersionStatus status(String model, String version) {
        return plainRegistry.get(model, version).status();
    }

    /** The audit log's rollout and rollback actions (registry changes are audited too, and left out here). */
    java.util.List<io.promptdesk.engine.audit.AuditEntry> actions(String model, int limit) {
        return audit.entries(model, 100_000).stream().filter(e -> !e.action().startsWith("registry_"))
                .limit(limit).toList();
    }

    int registryEvents(String model) {
        return plainRegistry.history(model).size();
    }

    @Override
    public void close() {
        db.close();
    }
}
