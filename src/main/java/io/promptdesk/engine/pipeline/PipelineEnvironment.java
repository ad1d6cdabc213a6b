package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a pipeline works with, built by the composition root: the test runner, the rollout environment (store,
 * registry, metrics, router) and its settings, the rollback controller, the audit log each step is recorded in,
 * the clock, the pacer of wait mode, and the rollout manager of each deployment (built there too, so the pipeline
 * builds no engine itself).
 */
public record PipelineEnvironment(PromptTestRunner runner, RolloutEnvironment rollouts, RolloutSettings rolloutSettings,
                                  RollbackController rollback, AuditLog audit, Clock clock, Pacer pacer,
                                  Function<String, GradualRolloutManager> rolloutManagers) {
    public PipelineEnvironment {
        Objects.requireNonNull(rolloutManagers, "rolloutManagers");
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(rolloutSettings, "rolloutSettings");
        Objects.requireNonNull(rollback, "rollback");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pacer, "pacer");
    }

    public ModelRegistry registry() {
        return rollouts.registry();
    }
}
