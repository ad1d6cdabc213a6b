package io.promptdesk.cli;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk rollout status}: the spec's get_rollout_status. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the deployment's latest rollout: status, stage, percentage and health.")
public final class RolloutStatusCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Override
    public Integer call() {
        try (RegistryCommand.Services services = RegistryCommand.Services.open(options)) {
            GradualRolloutManager manager = services.manager(deployment, options);
            RolloutCommand.print(manager.status(), services.clock.instant(), options.json, out());
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
