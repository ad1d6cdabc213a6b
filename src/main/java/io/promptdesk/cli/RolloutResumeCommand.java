package io.promptdesk.cli;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk rollout resume}. */
@Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused rollout; its stage clock continues where it stopped.")
public final class RolloutResumeCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--reason", paramLabel = "R", required = false, description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        return RolloutCommand.transition(options, deployment, reason,
                io.promptdesk.model.GuardedAction.RESUME_ROLLOUT, GradualRolloutManager::resumeRollout, out());
    }
}
