package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk rollout start}: the spec's start_rollout. */
@Command(name = "start",
        description = "Start rolling a candidate version out against the deployment's production version.")
public final class RolloutStartCommand extends CliCommand implements Callable<Integer> {

    // Not the standard help mixin: its -V/--version would clash with this command's --version (a model version).
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;


    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--version", paramLabel = "V", required = true, description = "The candidate version.")
    String version;

    @Option(names = "--initial-percentage", paramLabel = "P", description = "Must be the first stage.")
    Integer initialPercentage;

    @Option(names = "--stages", paramLabel = "P,P,...", split = ",",
            description = "Traffic percentages, strictly increasing, ending at 100 (default: 10,25,50,100).")
    List<Integer> stages;

    @Option(names = "--metrics", paramLabel = "M,M,...", split = ",",
            description = "error_rate, latency_p95, engagement_rate (default: all three).")
    List<String> metrics;

    @Option(names = "--threshold", paramLabel = "METRIC=VALUE",
            description = "Absolute limit on the canary: error_rate, latency_p95 (s) at most, engagement_rate at "
                    + "least; repeatable.")
    Map<String, Double> thresholds = new LinkedHashMap<>();

    @Option(names = "--stage-duration", paramLabel = "S", description = "Seconds a stage runs healthy (default: 300).")
    Long stageDuration;

    @Option(names = "--health-check-interval", paramLabel = "S", description = "Seconds between checks (default: 30).")
    Long healthCheckInterval;

    @Option(names = "--on-unhealthy", paramLabel = "POLICY", defaultValue = "pause",
            description = "pause or rollback (default: ${DEFAULT-VALUE}).")
    String onUnhealthy;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        Map<Metric, Double> limits = new EnumMap<>(Metric.class);
        thresholds.forEach((k, v) -> limits.put(Metric.of(k), v));
        RolloutPlan plan = RolloutPlan.of(initialPercentage, stages,
                metrics == null ? null : metrics.stream().map(Metric::of).toList(), limits,
                stageDuration == null ? null : Duration.ofSeconds(stageDuration),
                healthCheckInterval == null ? null : Duration.ofSeconds(healthCheckInterval),
                UnhealthyPolicy.of(onUnhealthy));
        try (Engines services = Engines.open(options.config())) {
            services.access().require(io.promptdesk.model.GuardedAction.START_ROLLOUT, deployment);
            GradualRolloutManager manager = services.manager(deployment);
            manager.startRollout(version, plan, services.by(reason));
            RolloutCommand.print(manager.status(), services.clock().instant(), options.json, out());
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
