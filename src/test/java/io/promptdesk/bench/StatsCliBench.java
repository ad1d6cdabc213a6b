package io.promptdesk.bench;

import io.promptdesk.cli.CompareCommand;
import io.promptdesk.cli.PromptDeskCommand;
import io.promptdesk.cli.RegressCommand;
import io.promptdesk.cli.TrendCommand;
import picocli.CommandLine;

/**
 * {@code promptdesk} with the statistics commands registered, for {@code bench/stats-vs-scipy.sh} to time the CLI
 * end to end (JVM start included) on a build where the main command does not list them yet.
 */
public final class StatsCliBench {

    private StatsCliBench() {
    }

    public static void main(String[] args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        for (String name : new String[]{"regress", "trend", "compare"}) {
            if (!cl.getSubcommands().containsKey(name)) {
                cl.addSubcommand(switch (name) {
                    case "regress" -> new RegressCommand();
                    case "trend" -> new TrendCommand();
                    default -> new CompareCommand();
                });
            }
        }
        System.exit(cl.execute(args));
    }
}
