package io.promptdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code promptdesk audit}: the hash-chained log of every rollout and rollback action. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check the workspace's audit log of rollout and rollback actions.",
        subcommands = {AuditVerifyCommand.class})
public final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
