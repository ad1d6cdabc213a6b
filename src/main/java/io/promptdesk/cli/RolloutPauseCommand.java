package io.promptdesk.cli;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk rollout pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause the rollout at its current percentage; its stage clock stops.")
public final class RolloutPauseCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--reason", paramLabel = "R", required = true, description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        return RolloutCommand.transition(options, deployment, reason,
                io.promptdesk.model.GuardedAction.PAUSE_ROLLOUT, GradualRolloutManager::pauseRollout, out());
    }
}
