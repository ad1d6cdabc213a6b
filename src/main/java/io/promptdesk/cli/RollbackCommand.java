package io.promptdesk.cli;

import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.engine.rollback.RollbackListener;
import io.promptdesk.engine.rollback.RollbackOutcome;
import io.promptdesk.engine.rollback.RollbackRequest;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollout.ReconcileReport;
import io.promptdesk.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code promptdesk rollback}: the spec's trigger_rollback, under its 30-second SLA. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Put a model's previous good version back in production now: the running rollout of the "
                + "model is stopped, the bad version marked failed, and every step recorded.",
        footer = {"", "Exit codes: 0 rolled back, 1 failed or exceeded the SLA, 2 bad usage or input "
                + "(unknown model or version, refused target)."})
public final class RollbackCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "M", required = true, description = "Model (deployment) name.")
    String model;

    @Option(names = "--current-version", paramLabel = "V", required = true,
            description = "The version serving now, to roll back from.")
    String currentVersion;

    @Option(names = "--target-version", paramLabel = "V",
            description = "The version to return to (default: the previous stable version).")
    String targetVersion;

    @Option(names = "--reason", paramLabel = "R", description = "Why, up to 10,000 characters (default: \""
            + RollbackRequest.DEFAULT_REASON + "\").")
    String reason;

    @Option(names = {"--triggered-by", "--actor"}, paramLabel = "U",
            description = "Who (default: the operating-system user).")
    String triggeredBy;

    @Option(names = "--skip-validation", description = "Emergency mode: do not check the target's eligibility.")
    boolean skipValidation;

    @Option(names = "--json", description = "Print the result as the spec's JSON.")
    boolean json;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder holding promptdesk.db (default: the user's data directory).")
    Path workspace;

    @CommandLine.Mixin
    ConnectionOptions connections = new ConnectionOptions();

    @Override
    public Integer call() {
        RollbackOutcome o;
        try (RollbackServices services = RollbackServices.open(connections.on(WorkspacePath.of(workspace)))) {
            services.base.access().require(io.promptdesk.model.GuardedAction.ROLLBACK, model);
            RollbackRequest request = new RollbackRequest(model, currentVersion, targetVersion, reason,
                    services.base.actorOr(triggeredBy), skipValidation);
            o = services.controller.trigger(request, RollbackListener.NONE);
            if (o.joined() && o.result().status() == RollbackStatus.SUCCESS) {
                // An earlier success is only reported as one if router and registry still say so: repair them first.
                ReconcileReport rec = services.base.reconciler().reconcile(model);
                if (!rec.inSync()) {
                    rec.remaining().forEach(d -> err().println("promptdesk rollback: drift left: " + d.describe()));
                    err().flush();
                    if (json) {
                        out().println(Json.pretty(o.result()));
                        out().flush();
                    }
                    return PromptDeskCommand.EXIT_GATE_FAILED;
                }
            }
        }
        RollbackResult r = o.result();
        if (o.joined()) {
            err().println("promptdesk rollback: " + model + " " + currentVersion + " is already being (or was) rolled "
                    + "back by " + r.rollbackId() + ": not rolled back twice");
        }
        if (json) {
            out().println(Json.pretty(r));
        } else {
            print(r, out());
        }
        if (r.status() != RollbackStatus.SUCCESS) {
            err().println("promptdesk rollback: " + r.status().key() + ": " + r.error());
        }
        out().flush();
        err().flush();
        if (o.rejected()) {
            return PromptDeskCommand.EXIT_BAD_INPUT;
        }
        if (r.status() == RollbackStatus.SUCCESS && !r.slaMet()) {
            err().println("promptdesk rollback: the rollback succeeded but missed its SLA");
            err().flush();
        }
        return r.status() == RollbackStatus.SUCCESS && r.slaMet() ? PromptDeskCommand.EXIT_OK
                : PromptDeskCommand.EXIT_GATE_FAILED;
    }

    static void print(RollbackResult r, PrintWriter out) {
        out.println(String.format(Locale.ROOT, "%s %s -> %s: %s%s  [%s]", r.modelName(), r.fromVersion(),
                r.toVersion(), r.status().key(), r.durationSeconds() == null ? "" : String.format(Locale.ROOT,
                        " in %.2f s (SLA %s)", r.durationSeconds(), r.slaMet() ? "met" : "breached"), r.rollbackId()));
        HealthSnapshot pre = r.healthCheckResults().preRollback();
        HealthSnapshot post = r.healthCheckResults().postRollback();
        if (pre != null) {
            out.println("before  " + pre.summary());
        }
        if (post != null) {
            out.println("after   " + post.summary());
        }
    }
}
