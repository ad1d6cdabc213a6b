package io.promptdesk.cli;

import io.promptdesk.engine.pipeline.Pacer;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollback.RunnerLiveness;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRollbackRepository;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pipeline's services for one command, on the registry, metrics and router the workspace's connections choose
 * (Prometheus and MLflow when set, else the embedded engines, with the simulator's metrics and routing under
 * {@code --simulate}). Rollbacks run on an executor this object owns; closing it stops that and the workspace.
 */
final class PipelineServices implements AutoCloseable {
    final RegistryCommand.Services base;
    private final RegistryCommand.WorkspaceOptions options;
    private final ExecutorService rollbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "promptdesk-rollback");
        t.setDaemon(true);
        return t;
    });
    private final PromptTestRunner runner = new PromptTestRunner();

    PipelineServices(RegistryCommand.WorkspaceOptions options) {
        this.options = options;
        this.base = RegistryCommand.Services.open(options);
    }

    ModelRegistry registry() {
        return base.registry;
    }

    /** True when request metrics reach this process: Prometheus is set, or the simulator serves them. */
    boolean hasMetrics(MetricsSource simulated) {
        return base.metrics(simulated) != RegistryCommand.Services.NO_METRICS;
    }

    /** @param simulated the simulator's metrics, or {@link RegistryCommand.Services#NO_METRICS} */
    PipelineEnvironment environment(MetricsSource simulated, TrafficRouter embedded, RolloutSettings settings,
                                     Pacer pacer) {
        MetricsSource metrics = base.metrics(simulated);
        TrafficRouter router = base.router(embedded, options);
        SqliteAuditLog audit = new SqliteAuditLog(base.db);
        RollbackController controller = new RollbackController(new RollbackEnvironment(base.registry, base.rollouts,
                router, metrics, new SqliteRollbackRepository(base.db), audit, base.clock, rollbacks,
                RollbackTimer.SYSTEM, RunnerLiveness.ofProcess()), RollbackSettings.defaults());
        return new PipelineEnvironment(runner, base.environment(metrics, router, null), settings, controller, audit,
                base.clock, pacer);
    }

    @Override
    public void close() {
        rollbacks.shutdownNow();
        base.close();
    }
}
