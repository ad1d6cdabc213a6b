package io.promptdesk.cli;

import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    @Option(names = "--model", paramLabel = "M", description = "Model (deployment) name (required unless --denials).")
    String model;

    @Option(names = "--denials", description = "List refused attempts instead (who tried what, when, and the role it "
            + "needed), most recent first; JSON: {denials: [{id, at, actor, action, subject, needed, detail}]}.")
    boolean denials;

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
        if (denials) {
            return listDenials();
        }
        if (model == null || model.isBlank()) {
            throw new io.promptdesk.model.BadInputException("--model is required (or --denials for refused attempts)");
        }
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

    private int listDenials() {
        List<io.promptdesk.model.AccessDenial> list;
        try (RollbackServices services = RollbackServices.openForReading(connections.on(WorkspacePath.of(workspace)))) {
            list = services.base.access().denials(limit);
        }
        if (json) {
            out().println(Json.pretty(java.util.Map.of("denials", list.stream().map(d -> {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put("id", d.id());
                row.put("at", d.at().toString());
                row.put("actor", d.actor());
                row.put("action", d.action());
                row.put("subject", d.subject());
                row.put("needed", d.needed());
                row.put("detail", d.detail());
                return row;
            }).toList())));
        } else if (list.isEmpty()) {
            out().println("no refused attempts");
        } else {
            for (io.promptdesk.model.AccessDenial d : list) {
                out().println(String.format(Locale.ROOT, "%-24s  %-16s  %-18s  %-12s  needs %s", d.at(), d.actor(),
                        d.action(), d.subject() == null ? "" : d.subject(), d.needed()));
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
