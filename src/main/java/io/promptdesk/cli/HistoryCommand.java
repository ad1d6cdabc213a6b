package io.promptdesk.cli;

import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code promptdesk history}: the spec's get_rollback_history. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List a model's rollbacks, most recent first: who, when, from and to which version, why, "
                + "and how it ended.",
        footer = {"", "Exit codes: 0 listed, 2 bad usage or input."})
public final class HistoryCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "M", required = true, description = "Model (deployment) name.")
    String model;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "At most N rollbacks (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the spec's JSON, with the health snapshots.")
    boolean json;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder holding promptdesk.db (default: the user's data directory).")
    Path workspace;

    @CommandLine.Mixin
    ConnectionOptions connections = new ConnectionOptions();

    @Override
    public Integer call() {
        List<RollbackResult> history;
        try (RollbackServices services = RollbackServices.openForReading(connections.on(WorkspacePath.of(workspace)))) {
            history = services.controller.getRollbackHistory(model, limit, true);
        }
        if (json) {
            out().println(Json.pretty(history));
        } else if (history.isEmpty()) {
            out().println(model + " has never been rolled back");
        } else {
            for (RollbackResult r : history) {
                out().println(String.format(Locale.ROOT, "%-16s  %-24s  %s -> %s  %-11s  %s  by %s: %s",
                        r.rollbackId(), r.startTime(), r.fromVersion(), r.toVersion(), r.status().key(),
                        r.durationSeconds() == null ? "running" : String.format(Locale.ROOT, "%.2f s, SLA %s",
                                r.durationSeconds(), r.slaMet() ? "met" : "breached"), r.triggeredBy(),
                        abbreviate(r.reason()) + (r.error() == null ? "" : " (" + abbreviate(r.error()) + ")")));
            }
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }

    private static String abbreviate(String s) {
        String line = s.replaceAll("\\s+", " ");
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
