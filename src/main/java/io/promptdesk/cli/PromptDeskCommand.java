package io.promptdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code promptdesk} command; each subcommand is one engine exposed to CI jobs. */
@Command(name = "promptdesk",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Author, test, gate, roll out and roll back LLM prompt templates.%n"
                + "Run without arguments to open the desktop console.",
        subcommands = {CommandLine.HelpCommand.class, ValidateCommand.class, TestCommand.class,
                RegressCommand.class, TrendCommand.class, CompareCommand.class, PipelineCommand.class,
                RegistryCommand.class, RolloutCommand.class, SimulateCommand.class, ConnectionsCommand.class,
                RollbackCommand.class, HistoryCommand.class, AuditCommand.class, ReconcileCommand.class,
                BenchmarkCommand.class, StoreCommand.class, TeamCommand.class, WhoamiCommand.class,
                TrainInjectionModelCommand.class},
        footer = {"", "Exit codes: 0 passed, 1 gate failed, 2 bad usage or input."})
public final class PromptDeskCommand implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_GATE_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PromptDeskCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> EXIT_BAD_INPUT);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("promptdesk: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }
}
