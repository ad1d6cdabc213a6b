package io.promptdesk.cli;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.pipeline.Pacer;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRegistryRepository;
import io.promptdesk.store.SqliteRollbackRepository;
import io.promptdesk.store.SqliteRolloutRepository;
import io.promptdesk.store.Workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The pipeline's services on the workspace store for one command: registry, audited rollout store, audit log,
 * rollback controller (its rollbacks run on an executor this object owns), test runner. Closing it stops the
 * executor and closes the store.
 */
final class PipelineServices implements AutoCloseable {
    final Database db;
    final Clock clock;
    final ModelRegistry registry;
    final AuditLog audit;
    final RolloutRepository rollouts;
    private final ExecutorService rollbacks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "promptdesk-rollback");
        t.setDaemon(true);
        return t;
    });
    private final PromptTestRunner runner = new PromptTestRunner();

    PipelineServices(Path workspace, Clock clock) {
        this.db = Database.open(Workspace.databaseFile(workspace));
        this.clock = clock;
        this.registry = new EmbeddedModelRegistry(new SqliteRegistryRepository(db), clock);
        this.audit = new SqliteAuditLog(db);
        this.rollouts = new AuditingRolloutRepository(new SqliteRolloutRepository(db), audit);
    }

    PipelineEnvironment environment(MetricsSource metrics, TrafficRouter router, RolloutSettings settings,
                                     Pacer pacer) {
        RolloutEnvironment re = new RolloutEnvironment(rollouts, registry, metrics, new RegressionHealthComparator(),
                router, clock, null);
        RollbackController controller = new RollbackController(new RollbackEnvironment(registry, rollouts, router,
                metrics, new SqliteRollbackRepository(db), audit, clock, rollbacks, RollbackTimer.SYSTEM, null),
                RollbackSettings.defaults());
        return new PipelineEnvironment(runner, re, settings, controller, audit, clock, pacer);
    }

    @Override
    public void close() {
        rollbacks.shutdownNow();
        db.close();
    }
}
