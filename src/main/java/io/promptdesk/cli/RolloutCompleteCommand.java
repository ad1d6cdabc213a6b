package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.HealthGateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code promptdesk rollout complete}: the spec's complete_rollout. */
@Command(name = "complete", mixinStandardHelpOptions = true,
        description = "Send all traffic to the new version and make it production, after a final health check.")
public final class RolloutCompleteCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--skip-final-checks", description = "Complete without the final health check (recorded).")
    boolean skipFinalChecks;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        try (Engines services = Engines.open(options.config())) {
            services.access().require(io.promptdesk.model.GuardedAction.COMPLETE_ROLLOUT, deployment);
            GradualRolloutManager manager = services.manager(deployment);
            try {
                manager.completeRollout(skipFinalChecks, services.by(skipFinalChecks && reason == null
                        ? "completed without final checks" : reason));
            } catch (HealthGateException e) {
                return gateFailed(e, manager, services, options, out(), err());
            }
            RolloutCommand.print(manager.status(), services.clock().instant(), options.json, out());
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }

    /** A refused advance or completion: why on stderr, the rollout's state on stdout, exit 1. */
    static int gateFailed(HealthGateException e, GradualRolloutManager manager, Engines services,
                          RegistryCommand.WorkspaceOptions options, PrintWriter out, PrintWriter err) {
        err.println("promptdesk rollout: " + e.getMessage());
        boolean noData = e.check().verdicts().stream().allMatch(v -> v.canarySamples() == 0 && v.stableSamples() == 0);
        if (noData) {
            err.println("  no request metrics reach this process: health is measured by the process that serves or "
                    + "simulates the traffic (rollout watch --simulate); advance with --force --reason to skip it");
        }
        err.flush();
        RolloutCommand.print(manager.status(), services.clock().instant(), options.json, out);
        out.flush();
        return PromptDeskCommand.EXIT_GATE_FAILED;
    }
}
