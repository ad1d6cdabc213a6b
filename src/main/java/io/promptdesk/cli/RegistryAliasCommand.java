package io.promptdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code promptdesk registry alias}: groups the alias subcommands. */
@Command(name = "alias", mixinStandardHelpOptions = true, description = "Move a model's aliases.",
        subcommands = {RegistryAliasSetCommand.class})
public final class RegistryAliasCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
