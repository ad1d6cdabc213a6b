package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.ReconcileReport;
import io.promptdesk.engine.rollout.Reconciler;
import io.promptdesk.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code promptdesk reconcile}: brings the registry and the traffic router back to what the store records for each
 * deployment (or one), and reports every drift found and whether it was repaired.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Compare the registry and the traffic router with the desired state the store records, "
                + "repair what differs, and report each drift found.",
        footer = {"", "Exit codes: 0 in sync (nothing found, or all repaired), 1 drift left that could not be "
                + "repaired, 2 bad usage or input."})
public final class ReconcileCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", description = "Only this deployment (default: all).")
    String deployment;

    @Override
    public Integer call() {
        List<ReconcileReport> reports;
        try (Engines services = Engines.open(options.config())) {
            services.access().require(io.promptdesk.model.GuardedAction.RECONCILE, deployment);
            Reconciler reconciler = services.reconciler();
            if (deployment != null) {
                services.registry().model(deployment);
                reports = List.of(reconciler.reconcile(deployment));
            } else {
                reports = reconciler.reconcileAll();
            }
        }
        long found = reports.stream().mapToLong(r -> r.drift().size()).sum();
        long left = reports.stream().mapToLong(r -> r.remaining().size()).sum();
        if (options.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("deployments", reports);
            out.put("drift_found", found);
            out.put("drift_repaired", found - left);
            out.put("drift_left", left);
            out().println(Json.pretty(out));
        } else {
            for (ReconcileReport r : reports) {
                out().println(r.deployment() + "  generation " + r.generation() + ": " + (r.drift().isEmpty()
                        ? "in sync" : r.inSync() ? "repaired" : "drift left"));
                r.drift().forEach(d -> out().println("  " + d.describe()));
            }
            out().println(reports.size() + " deployment(s), " + found + " drift(s) found, " + (found - left)
                    + " repaired, " + left + " left");
        }
        out().flush();
        return left == 0 ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
    }
}
