package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.model.TestReport;

import java.util.List;

/**
 * What one pipeline run did. Each step that ran carries the spec's own dictionary: {@code run_tests} (the test
 * report), {@code detect_regression} (the regression result), {@code rollout} (the rollout status), {@code rollback}
 * (the rollback result); a step that did not run is null. {@code baseline_ms} and {@code current_ms} are the per-case
 * execution times the gate compared, {@code rollout_events} the rollout's transitions, oldest first.
 *
 * @param failedStep the step that stopped the run, or null
 * @param message    why it stopped, or what it reached
 */
@JsonPropertyOrder({"pipeline_id", "deployment_name", "version", "status", "failed_step", "message", "started_at",
        "ended_at", "steps", "run_tests", "detect_regression", "baseline_source", "baseline_ms", "current_ms",
        "register_version", "rollout", "rollout_events", "rollback"})
public record PipelineReport(String pipelineId, String deploymentName, String version, PipelineStatus status,
                             PipelineStep failedStep, String message, String startedAt, String endedAt,
                             List<StepResult> steps, TestReport runTests, RegressionResult detectRegression,
                             String baselineSource, double[] baselineMs, double[] currentMs,
                             RegisteredVersion registerVersion, RolloutView rollout,
                             List<RolloutEvent> rolloutEvents, RollbackResult rollback) {

    public PipelineReport {
        steps = List.copyOf(steps);
        rolloutEvents = rolloutEvents == null ? List.of() : List.copyOf(rolloutEvents);
        baselineMs = baselineMs == null ? new double[0] : baselineMs.clone();
        currentMs = currentMs == null ? new double[0] : currentMs.clone();
    }

    /** The registry entry the run made: the version, its status, and whether it went straight to production. */
    @JsonPropertyOrder({"model", "version", "status", "production"})
    public record RegisteredVersion(String model, String version, String status, boolean production) {
    }

    @Override
    public double[] baselineMs() {
        return baselineMs.clone();
    }

    @Override
    public double[] currentMs() {
        return currentMs.clone();
    }

    /** The result of {@code step}, if it ran. */
    public java.util.Optional<StepResult> step(PipelineStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }
}
