package io.promptdesk.app.pipeline;

import io.promptdesk.app.Permissions;
import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.pipeline.CicdPipeline;
import io.promptdesk.engine.pipeline.PipelineConfig;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.RegressionGate;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.TestReport;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The console's pipeline: tests, the regression gate against the production version's recorded run, registration,
 * and the start of the rollout (no-wait), on the engines the composition root built ({@code Engines.consolePipeline}).
 */
public final class WorkspacePipeline implements PipelineLauncher {
    private final PipelineEnvironment env;
    private final RunHistory history;
    private final String actor;
    private final Permissions permissions;

    /** @param env the pipeline's engines, as the composition root builds them for the console */
    public WorkspacePipeline(PipelineEnvironment env, RunHistory history, String actor) {
        this(env, history, actor, Permissions.everything(actor));
    }

    /** @param permissions what the person may do: a run registers, rolls out and may roll back */
    public WorkspacePipeline(PipelineEnvironment env, RunHistory history, String actor, Permissions permissions) {
        this.env = env;
        this.history = history;
        this.actor = actor;
        this.permissions = permissions;
    }
    @Override
    public PipelineReport launch(PipelineInput input, PipelineRequest request, PipelineListener listener,
                                 BooleanSupplier cancelled) {
        // Checked before anything runs: the run registers the version, starts its rollout and may roll it back.
        permissions.require(GuardedAction.REGISTER_VERSION, request.deployment());
        permissions.require(GuardedAction.START_ROLLOUT, request.deployment());
        if (request.autoRollback()) {
            permissions.require(GuardedAction.ROLLBACK, request.deployment());
        }
        RolloutPlan plan = RolloutPlan.of(null, request.stages(), null, null, null, null, UnhealthyPolicy.PAUSE);
        PipelineConfig config = new PipelineConfig(request.deployment(), input.cases(), List.of(Rules.ALL), null,
                null, null, RegressionGate.defaults(), true, plan, request.autoRollback(), false, null, actor);
        return new CicdPipeline(env, config).deployNewPrompt(input.template(), request.version(), listener, cancelled);
    }

    @Override
    public String whyNot() {
        String why = permissions.whyNot(GuardedAction.REGISTER_VERSION);
        return why != null ? why : permissions.whyNot(GuardedAction.START_ROLLOUT);
    }

    @Override
    public void recordRun(String templateName, TestReport tests) {
        history.record(templateName, tests);
    }
}
