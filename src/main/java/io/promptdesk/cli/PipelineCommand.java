package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.engine.pipeline.Baseline;
import io.promptdesk.engine.pipeline.CicdPipeline;
import io.promptdesk.engine.pipeline.Pacer;
import io.promptdesk.engine.pipeline.PipelineConfig;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.pipeline.PipelineFailure;
import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.RegressionGate;
import io.promptdesk.engine.pipeline.StepResult;
import io.promptdesk.engine.pipeline.StepStatus;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.engine.testing.CaseFiles;
import io.promptdesk.engine.testing.TextFiles;
import io.promptdesk.engine.validation.WorkspaceRuleSettings;
import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code promptdesk pipeline}: the spec's CI/CD pipeline as one command: test, regression gate, register, roll out,
 * roll back on an unhealthy stage. Writes JSON, JUnit XML and HTML reports for CI dashboards.
 */
@Command(name = "pipeline",
        description = {"Test a template, gate on a regression of its per-case execution time, register it as a new "
                + "version, roll it out through the stages and roll it back automatically when a stage turns "
                + "unhealthy.",
                "The baseline is the production version's recorded test run unless --baseline names a file of "
                        + "per-case times in ms."},
        footer = {"", "Reports in --report-dir: pipeline-report.json, pipeline-junit.xml, pipeline-report.html.",
                "Exit codes: 0 deployed (with --no-wait: rollout started; with --gates-only: gates passed), "
                        + "1 a gate failed (named on stderr), 2 bad usage or input."})
public final class PipelineCommand extends CliCommand implements Callable<Integer> {

    @Mixin
    RegistryCommand.WorkspaceOptions options;

    /** Declared here: the standard help mixin would also bring -V/--version, which names the version to ship. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--template-file", paramLabel = "F", required = true, description = "Template file (UTF-8).")
    Path templateFile;

    @Option(names = "--cases", paramLabel = "F", required = true, description = "Test case file.")
    Path cases;

    @Option(names = "--version", paramLabel = "V", required = true, description = "The new version's name.")
    String version;

    @Option(names = "--deployment", paramLabel = "D", required = true, description = "Deployment (model) name.")
    String deployment;

    @Option(names = "--baseline", paramLabel = "F",
            description = "Baseline per-case execution times in ms (default: the production version's recorded run).")
    Path baseline;

    @Option(names = "--no-regression-gate", description = "Skip the regression gate.")
    boolean noGate;

    @Option(names = "--rules", paramLabel = "RULES", split = ",", defaultValue = "all",
            description = "all, or a comma-separated list of rule names (default: ${DEFAULT-VALUE}).")
    List<String> rules;

    @Option(names = "--profanity-level", paramLabel = "LEVEL", converter = ProfanityLevelConverter.class,
            description = ProfanityLevelConverter.DESCRIPTION)
    ProfanityLevel profanityLevel;

    @Option(names = "--stages", paramLabel = "P,P,...", split = ",",
            description = "Traffic percentages, strictly increasing, ending at 100 (default: 10,25,50,100).")
    List<Integer> stages;

    @Option(names = "--stage-duration", paramLabel = "S", description = "Seconds a stage runs healthy (default: 300).")
    Long stageDuration;

    @Option(names = "--health-check-interval", paramLabel = "S", description = "Seconds between checks (default: 30).")
    Long healthCheckInterval;

    @Option(names = "--auto-rollback", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Roll an unhealthy stage back through the rollback controller (default: on; "
                    + "--no-auto-rollback pauses it for a person).")
    boolean autoRollback;

    @Option(names = "--wait", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Drive the rollout to its end (default); --no-wait starts it and returns.")
    boolean waitForRollout;

    @Option(names = "--gates-only", description = "Only the tests and the regression gate (for pull requests): "
            + "nothing is registered or rolled out.")
    boolean gatesOnly;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Write the JSON, JUnit XML and HTML reports.")
    Path reportDir;

    @Option(names = "--simulate", description = "Serve the deployment's traffic from the embedded simulated service.")
    boolean simulate;

    @Option(names = "--time-scale", paramLabel = "N", defaultValue = "1",
            description = "Run N times faster: 60 runs a 5-minute stage in 5 seconds (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the simulated traffic.")
    long seed;

    @Option(names = "--fault-after", paramLabel = "S",
            description = "With --simulate: S seconds into the rollout make the canary 3x slower with 8%% errors.")
    Double faultAfter;

    @Override
    public Integer call() throws Exception {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new BadInputException("--time-scale must be a positive number, got " + timeScale);
        }
        String template = TextFiles.readUtf8(templateFile);
        List<Map<String, Object>> loaded = CaseFiles.read(cases);
        RegressionGate gate = noGate ? RegressionGate.disabled()
                : baseline == null ? RegressionGate.defaults() : RegressionGate.defaults().withBaseline(
                Baseline.file(baseline));
        RolloutPlan plan = RolloutPlan.of(null, stages, null, null,
                stageDuration == null ? null : Duration.ofSeconds(stageDuration),
                healthCheckInterval == null ? null : Duration.ofSeconds(healthCheckInterval),
                UnhealthyPolicy.PAUSE);
        // the option wins over the workspace's promptdesk.yaml (validation.profanity_level)
        var ruleSettings = WorkspaceRuleSettings.of(options.directory()).withProfanityLevel(profanityLevel);
        try (PipelineServices services = new PipelineServices(options)) {
            PipelineConfig config = new PipelineConfig(deployment, loaded, rules, ruleSettings, null, null, gate, true,
                    plan, autoRollback, waitForRollout, null, services.base.actor());
            ModelRegistry registry = services.registry();
            boolean rollsOut = registry.models().stream().anyMatch(m -> m.name().equals(deployment))
                    && registry.resolve(deployment, ModelRegistry.PRODUCTION).isPresent();
            if (!gatesOnly) {
                // What the run may do, checked before it starts: it registers, rolls out, and may roll back.
                services.base.access().require(io.promptdesk.model.GuardedAction.REGISTER_VERSION, deployment);
                if (rollsOut) {
                    services.base.access().require(io.promptdesk.model.GuardedAction.START_ROLLOUT, deployment);
                    if (autoRollback) {
                        services.base.access().require(io.promptdesk.model.GuardedAction.ROLLBACK, deployment);
                    }
                }
            }
            SimulatedService sim = simulate ? new SimulatedService(services.base.clock(), seed) : null;
            MetricsSource simulated = sim != null ? sim : Engines.NO_METRICS;
            if (rollsOut && waitForRollout && !gatesOnly && !services.hasMetrics(simulated)) {
                throw new BadInputException("--wait needs request metrics to judge the stages, and none reach this "
                        + "process: add --simulate, connect Prometheus (promptdesk connections), or use --no-wait "
                        + "and follow the rollout with promptdesk rollout watch");
            }
            if (sim != null) {
                sim.setDefaultRate(SimulatedService.DEFAULT_RATE * timeScale);
                registry.resolve(deployment, ModelRegistry.PRODUCTION)
                        .ifPresent(p -> sim.route(deployment, p.version(), null, 0));
            }
            RolloutSettings settings = RolloutSettings.defaults(services.base.actor()).withTimeScale(timeScale);
            Pacer pacer = d -> {
                Thread.sleep(Math.max(1, d.toMillis()));
                if (sim != null) {
                    sim.catchUp();
                }
            };
            PipelineEnvironment env = services.environment(simulated,
                    sim != null ? sim::route : Engines.NOT_ROUTED, settings, pacer);
            Progress progress = new Progress(sim, services.base.clock(), settings);
            return run(new CicdPipeline(env, config), template, progress);
        }
    }

    private int run(CicdPipeline pipeline, String template, Progress progress) {
        PipelineReport report;
        try {
            report = gatesOnly ? pipeline.runGates(template, version, progress, () -> false)
                    : pipeline.deployNewPrompt(template, version, progress, () -> false);
        } catch (PromptDeskException e) {
            if (!(e instanceof PipelineFailure f)) {
                throw e;
            }
            write(f.report());
            err().println("promptdesk pipeline: gate failed at " + f.failedStep().key() + ": " + e.getMessage());
            err().flush();
            return PromptDeskCommand.EXIT_GATE_FAILED;
        }
        write(report);
        return PromptDeskCommand.EXIT_OK;
    }

    private void write(PipelineReport report) {
        if (reportDir != null) {
            new PipelineReports(reportDir, suiteName()).write(report);
        }
        if (options.json) {
            out().println(Json.pretty(report));
        } else {
            out().println(report.status().key() + ": " + report.message());
            if (reportDir != null) {
                out().println("reports in " + reportDir.toAbsolutePath());
            }
        }
        out().flush();
    }

    private String suiteName() {
        String n = templateFile.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Prints each step as it ends (not with --json), and injects the simulated fault when it is due. */
    private final class Progress implements PipelineListener {
        private final SimulatedService sim;
        private final Clock clock;
        private final RolloutSettings settings;
        private Instant faultAt;
        private int lastPercent = -1;

        Progress(SimulatedService sim, Clock clock, RolloutSettings settings) {
            this.sim = sim;
            this.clock = clock;
            this.settings = settings;
        }

        @Override
        public void onStep(String pipelineId, StepResult step) {
            if (!options.json && step.status() != StepStatus.RUNNING) {
                err().println("[" + step.step().key() + "] " + step.status().key()
                        + (step.summary() == null ? "" : ": " + step.summary()));
                err().flush();
            }
        }

        @Override
        public void onRollout(RolloutView rollout) {
            if (sim != null && faultAfter != null && faultAt == null) {
                faultAt = clock.instant().plus(settings.onClock(Duration.ofMillis((long) (faultAfter * 1000))));
            }
            if (faultAt != null && !clock.instant().isBefore(faultAt)) {
                sim.injectFault(deployment, version, 3, 0.08);
                faultAt = Instant.MAX;
            }
            if (!options.json && rollout.currentPercentage() != lastPercent) {
                lastPercent = rollout.currentPercentage();
                err().println("[rollout] " + rollout.status().key() + " at " + lastPercent + "%");
                err().flush();
            }
        }
    }
}
