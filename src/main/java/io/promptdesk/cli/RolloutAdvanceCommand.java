package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.HealthGateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk rollout advance}: the spec's update_traffic_percentage. */
@Command(name = "advance", mixinStandardHelpOptions = true,
        description = "Move the canary to a later stage after a health check, or without one with --force --reason.")
public final class RolloutAdvanceCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--percentage", paramLabel = "P", required = true, description = "A later stage's percentage.")
    int percentage;

    @Option(names = "--force", description = "Skip the health check (needs --reason; recorded as forced).")
    boolean force;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        try (Engines services = Engines.open(options.config())) {
            services.access().require(force ? io.promptdesk.model.GuardedAction.FORCE_ROLLOUT
                    : io.promptdesk.model.GuardedAction.ADVANCE_ROLLOUT, deployment);
            GradualRolloutManager manager = services.manager(deployment);
            try {
                manager.updateTrafficPercentage(percentage, force, services.by(reason));
            } catch (HealthGateException e) {
                return RolloutCompleteCommand.gateFailed(e, manager, services, options, out(), err());
            }
            RolloutCommand.print(manager.status(), services.clock().instant(), options.json, out());
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
