package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.LastCheck;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.json.Json;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.registry.Attribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/** {@code promptdesk rollout}: gradual rollouts of a registered version, with health checks between stages. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Roll a registered version out in traffic stages while its health is compared with the "
                + "stable version's.",
        subcommands = {RolloutStartCommand.class, RolloutStatusCommand.class, RolloutResumeCommand.class,
                RolloutPauseCommand.class, RolloutAbortCommand.class, RolloutAdvanceCommand.class,
                RolloutCompleteCommand.class, RolloutWatchCommand.class},
        footer = {"", "Exit codes: 0 done, 1 a health gate failed, 2 bad usage, bad input or an illegal transition."})
public final class RolloutCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs one manual transition ({@code pause}, {@code resume}, {@code abort}) on the deployment's rollout and prints
     * the rollout after it.
     */
    static int transition(RegistryCommand.WorkspaceOptions options, String deployment, String reason,
                          GuardedAction guarded, BiConsumer<GradualRolloutManager, Attribution> action,
                          PrintWriter out) {
        try (Engines services = Engines.open(options.config())) {
            services.access().require(guarded, deployment);
            GradualRolloutManager manager = services.manager(deployment);
            action.accept(manager, services.by(reason));
            print(manager.status(), services.clock().instant(), options.json, out);
        }
        out.flush();
        return PromptDeskCommand.EXIT_OK;
    }

    /** The spec's JSON, or a few readable lines. */
    static void print(Rollout r, Instant now, boolean json, PrintWriter out) {
        if (json) {
            out.println(Json.pretty(RolloutView.of(r)));
            return;
        }
        out.println(r.deploymentName() + "  rollout " + r.rolloutId() + " of " + r.newVersion() + " (stable "
                + r.stableVersion() + "): " + r.status().key() + " at " + r.currentPercentage() + "%");
        String timing = r.status().active() ? "   stage " + (r.currentStage() + 1) + " of " + r.plan().stages().size()
                + ", " + human(r.stageElapsed(now)) + " in, " + human(r.stageRemaining(now)) + " left"
                + (r.status() == RolloutStatus.PAUSED ? " (clock stopped)" : "") : "";
        out.println("stages  " + timeline(r) + timing);
        LastCheck c = r.lastCheck();
        out.println("health  " + (c == null ? "not checked yet" : c.outcome().key() + " at " + c.at() + ": "
                + c.metrics().entrySet().stream().map(e -> e.getKey() + " " + value(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "))));
    }

    /** 10 > [25] > 50 > 100: the current stage bracketed, the stage where a rollback stopped marked with x. */
    static String timeline(Rollout r) {
        List<String> parts = new ArrayList<>();
        List<Integer> stages = r.plan().stages();
        for (int i = 0; i < stages.size(); i++) {
            String s = stages.get(i).toString();
            if (i == r.currentStage()) {
                boolean stopped = r.status() == RolloutStatus.FAILED || r.status() == RolloutStatus.ROLLED_BACK;
                s = stopped ? "x" + s : r.status() == RolloutStatus.COMPLETED ? s : "[" + s + "]";
            }
            parts.add(s);
        }
        return String.join(" > ", parts);
    }

    static String value(String metric, Double v) {
        if (v == null || v.isNaN()) {
            return "n/a";
        }
        return metric.equals("latency_p95") ? String.format(Locale.ROOT, "%.0f ms", v * 1000)
                : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s") : s + "s";
    }
}
