package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.engine.testing.RunListener;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.TestReport;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.registry.VersionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The spec's CICDPipeline: test the template, gate on a performance regression, register the version, roll it out
 * through the stages and roll it back automatically when a stage turns unhealthy. Each step's result is appended
 * to the audit log and returned in a {@link PipelineReport}; a failed step raises the spec's exception for it,
 * carrying the report: {@link PipelineValidationException}, {@link PipelineRegressionException},
 * {@link PipelineRolloutException}, {@link PipelineRollbackException}.
 * <p>
 * Synchronous: the caller picks the thread. Immutable and thread-safe; each call is an independent run.
 */
public final class CicdPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(CicdPipeline.class);

    private final PipelineEnvironment env;
    private final PipelineConfig config;

    public CicdPipeline(PipelineEnvironment env, PipelineConfig config) {
        this.env = env;
        this.config = config;
    }

    public PipelineConfig config() {
        return config;
    }

    /** The spec's deploy_new_prompt. */
    public PipelineReport deployNewPrompt(String template, String version) {
        return deployNewPrompt(template, version, PipelineListener.NONE, () -> false);
    }

    /**
     * Runs every step for {@code version} of {@code template}.
     *
     * @param cancelled checked by the test run; a cancelled run fails its tests saying so
     * @return the report of a deployed version, or (no-wait mode) of a started rollout
     * @throws BadInputException when the version name or a configured file is unusable (nothing is recorded)
     */
    public PipelineReport deployNewPrompt(String template, String version, PipelineListener listener,
                                          BooleanSupplier cancelled) {
        PipelineRun run = gates(template, version, listener, cancelled);
        boolean firstVersion = registerVersion(run, template);
        if (firstVersion) {
            run.skip(PipelineStep.ROLLOUT, "the model's first version is production at once: nothing to roll out");
            run.skip(PipelineStep.ROLLBACK, "not needed");
            return run.report(PipelineStatus.DEPLOYED, null, run.deployment + " " + run.version
                    + " is the first version and serves production");
        }
        return new RolloutStep(env, config, run).execute();
    }

    /**
     * Only the gates, as a pull request's check: tests and the regression gate; nothing is registered or rolled
     * out (those steps are recorded as skipped).
     */
    public PipelineReport runGates(String template, String version, PipelineListener listener,
                                   BooleanSupplier cancelled) {
        PipelineRun run = gates(template, version, listener, cancelled);
        for (PipelineStep step : List.of(PipelineStep.REGISTER_VERSION, PipelineStep.ROLLOUT, PipelineStep.ROLLBACK)) {
            run.skip(step, "gates only");
        }
        return run.report(PipelineStatus.GATES_PASSED, null, run.deployment + " " + run.version
                + " passed the tests and the regression gate");
    }

    private PipelineRun gates(String template, String version, PipelineListener listener, BooleanSupplier cancelled) {
        if (template == null || template.isBlank()) {
            throw new BadInputException("the template is empty");
        }
        if (version == null || version.isBlank()) {
            throw new BadInputException("the pipeline needs a version name");
        }
        PipelineRun run = new PipelineRun("pl-" + UUID.randomUUID().toString().substring(0, 13), config,
                version.strip(), env.clock(), env.audit(), listener == null ? PipelineListener.NONE : listener);
        LOG.info("pipeline {}: {} {}", run.id, run.deployment, run.version);
        runTests(run, template, cancelled);
        detectRegression(run);
        return run;
    }

    private void runTests(PipelineRun run, String template, BooleanSupplier cancelled) {
        run.start(PipelineStep.RUN_TESTS);
        TestRequest request = new TestRequest(template, null, config.cases(), config.rules(), config.testTimeout(),
                config.thresholds(), config.ruleSettings());
        TestReport report = env.runner().runTests(request, RunListener.NONE, cancelled);
        run.tests = report;
        run.currentMs = report.testCaseResults().stream().mapToDouble(CaseResult::executionTime)
                .map(s -> s * 1000).toArray();
        String summary = report.passedTests() + " of " + report.totalTests() + " cases passed";
        if (!report.passed()) {
            String why = report.errors().isEmpty() ? summary : summary + ": " + String.join("; ",
                    report.errors().subList(0, Math.min(3, report.errors().size())));
            run.end(PipelineStep.RUN_TESTS, StepStatus.FAILED, why);
            String message = "Tests failed: " + why;
            throw new PipelineValidationException(message, run.report(PipelineStatus.FAILED, PipelineStep.RUN_TESTS,
                    message));
        }
        run.end(PipelineStep.RUN_TESTS, StepStatus.PASSED, summary);
    }

    private void detectRegression(PipelineRun run) {
        RegressionGate gate = config.regression();
        run.start(PipelineStep.DETECT_REGRESSION);
        if (!gate.enabled()) {
            run.skip(PipelineStep.DETECT_REGRESSION, "the regression gate is off");
            return;
        }
        run.baselineSource = gate.baseline().describe();
        Optional<double[]> baseline = gate.baseline().values(env.registry(), run.deployment);
        if (baseline.isEmpty() || baseline.get().length < gate.minSamples()) {
            run.skip(PipelineStep.DETECT_REGRESSION, "no baseline to compare with (" + run.baselineSource + ": "
                    + baseline.map(b -> b.length + " value(s), " + gate.minSamples() + " needed").orElse("none")
                    + ")");
            return;
        }
        run.baselineMs = baseline.get();
        RegressionResult r = gate.detector().detectRegression(run.baselineMs, run.currentMs, RegressionGate.METRIC,
                gate.tests().isEmpty() ? null : gate.tests(), gate.direction(), true);
        run.regression = r;
        if (r.regressionDetected()) {
            run.end(PipelineStep.DETECT_REGRESSION, StepStatus.FAILED, r.recommendation());
            throw new PipelineRegressionException(run.report(PipelineStatus.FAILED, PipelineStep.DETECT_REGRESSION,
                    "Performance regression detected: " + r.recommendation()));
        }
        run.end(PipelineStep.DETECT_REGRESSION, StepStatus.PASSED, "no regression of the per-case execution time "
                + "against " + run.baselineSource + " (p = " + String.format(java.util.Locale.ROOT, "%.3g",
                r.pValue()) + ")");
    }

    /** @return true when the version is the model's first and went straight to production */
    private boolean registerVersion(PipelineRun run, String template) {
        run.start(PipelineStep.REGISTER_VERSION);
        ModelRegistry registry = env.registry();
        try {
            Optional<ModelVersion> existing = registry.find(run.deployment, run.version);
            if (existing.isPresent() || !config.register()) {
                ModelVersion v = existing.orElseThrow(() -> new RegistryException(run.deployment + " " + run.version
                        + " is not registered and registration is off: register it first"));
                if (v.status() != VersionStatus.CANDIDATE || !v.template().equals(template)) {
                    throw new RegistryException(run.deployment + " " + run.version + " is already registered ("
                            + v.status().key() + (v.template().equals(template) ? "" : ", another template")
                            + "): give the change a new version name");
                }
                run.registered = new PipelineReport.RegisteredVersion(run.deployment, run.version,
                        v.status().key(), false);
                run.end(PipelineStep.REGISTER_VERSION, StepStatus.SKIPPED, "already registered as a candidate");
                return false;
            }
            boolean first = registry.models().stream().noneMatch(m -> m.name().equals(run.deployment))
                    || registry.resolve(run.deployment, ModelRegistry.PRODUCTION).isEmpty();
            VersionStatus status = first ? VersionStatus.STABLE : VersionStatus.CANDIDATE;
            registry.register(new NewVersion(run.deployment, run.version, template, null, Json.write(run.tests),
                    status, Map.of("pipeline", run.id)), Attribution.of(config.actor(), "pipeline " + run.id));
            run.registered = new PipelineReport.RegisteredVersion(run.deployment, run.version, status.key(), first);
            run.end(PipelineStep.REGISTER_VERSION, StepStatus.PASSED, "registered as " + status.key()
                    + (first ? " (the model's first version: production)" : ""));
            return first;
        } catch (RegistryException e) {
            run.end(PipelineStep.REGISTER_VERSION, StepStatus.FAILED, e.getMessage());
            throw new PipelineRolloutException(e.getMessage(), run.report(PipelineStatus.FAILED,
                    PipelineStep.REGISTER_VERSION, e.getMessage()));
        }
    }
}
