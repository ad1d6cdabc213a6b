package io.promptdesk.cli;

import io.promptdesk.app.Engines;
import io.promptdesk.engine.pipeline.Pacer;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.ModelRegistry;

/**
 * The pipeline's services for one command, on the registry, metrics and router the workspace's connections choose
 * (Prometheus and MLflow when set, else the embedded engines, with the simulator's metrics and routing under
 * {@code --simulate}). Rollbacks run on a pool the engines own; closing this closes them and the store.
 */
final class PipelineServices implements AutoCloseable {
    final Engines base;
    private final PromptTestRunner runner = new PromptTestRunner();

    PipelineServices(RegistryCommand.WorkspaceOptions options) {
        this.base = Engines.open(options.config());
    }

    ModelRegistry registry() {
        return base.registry();
    }

    /** True when request metrics reach this process: Prometheus is set, or the simulator serves them. */
    boolean hasMetrics(MetricsSource simulated) {
        return base.metrics(simulated) != Engines.NO_METRICS;
    }

    /** @param simulated the simulator's metrics, or {@link Engines#NO_METRICS} */
    PipelineEnvironment environment(MetricsSource simulated, TrafficRouter embedded, RolloutSettings settings,
                                    Pacer pacer) {
        return base.pipeline(runner, base.metrics(simulated), base.router(embedded), settings, pacer);
    }

    @Override
    public void close() {
        base.close();
    }
}
