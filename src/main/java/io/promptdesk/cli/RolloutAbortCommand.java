package io.promptdesk.cli;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk rollout abort}. */
@Command(name = "abort", mixinStandardHelpOptions = true, description = "Abort the rollout: all traffic back to the stable version (rolled_back).")
public final class RolloutAbortCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--reason", paramLabel = "R", required = true, description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        return RolloutCommand.transition(options, deployment, reason,
                io.promptdesk.model.GuardedAction.ABORT_ROLLOUT, GradualRolloutManager::abortRollout, out());
    }
}
