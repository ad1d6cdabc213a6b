package io.promptdesk.ui.pipeline;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.pipeline.CicdPipeline;
import io.promptdesk.engine.pipeline.PipelineConfig;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.RegressionGate;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.model.TestReport;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRollbackRepository;
import io.promptdesk.store.SqliteRolloutRepository;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The console's pipeline over the workspace store: tests, the regression gate against the production version's
 * recorded run, registration, and the start of the rollout (no-wait). The Rollout workspace's driver, which
 * re-applies a rollout's routing and runs its health checks, takes it from there; so this process neither routes
 * traffic nor reads metrics.
 */
public final class WorkspacePipeline implements PipelineLauncher {
    private static final MetricsSource NO_METRICS = (deployment, version, metric, from, to) -> new double[0];
    private static final TrafficRouter NOT_ROUTED = (deployment, stable, canary, percent) -> {
    };

    private final PipelineEnvironment env;
    private final RunHistory history;
    private final String actor;

    public WorkspacePipeline(Database db, ModelRegistry registry, PromptTestRunner runner, RunHistory history,
                             Clock clock, String actor) {
        AuditLog audit = new SqliteAuditLog(db);
        RolloutRepository rollouts = new AuditingRolloutRepository(new SqliteRolloutRepository(db), audit);
        RollbackController rollback = new RollbackController(new RollbackEnvironment(registry, rollouts, NOT_ROUTED,
                NO_METRICS, new SqliteRollbackRepository(db), audit, clock, Runnable::run, RollbackTimer.SYSTEM,
                null), RollbackSettings.defaults());
        this.env = new PipelineEnvironment(runner, new RolloutEnvironment(rollouts, registry, NO_METRICS,
                new RegressionHealthComparator(), NOT_ROUTED, clock, null), RolloutSettings.defaults(actor), rollback,
                audit, clock, RollbackTimer.SYSTEM::pause);
        this.history = history;
        this.actor = actor;
    }

    @Override
    public PipelineReport launch(PipelineInput input, PipelineRequest request, PipelineListener listener,
                                 BooleanSupplier cancelled) {
        RolloutPlan plan = RolloutPlan.of(null, request.stages(), null, null, null, null, UnhealthyPolicy.PAUSE);
        PipelineConfig config = new PipelineConfig(request.deployment(), input.cases(), List.of(Rules.ALL), null,
                null, null, RegressionGate.defaults(), true, plan, request.autoRollback(), false, null, actor);
        return new CicdPipeline(env, config).deployNewPrompt(input.template(), request.version(), listener, cancelled);
    }

    @Override
    public void recordRun(String templateName, TestReport tests) {
        history.record(templateName, tests);
    }
}
