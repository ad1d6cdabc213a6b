package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditRecord;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.model.TestReport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's state while it runs, confined to the running thread: each step's start and end is appended to the
 * audit log (append-only, hash-chained, in the workspace store) and told to the listener; {@link #report} freezes it.
 */
final class PipelineRun {
    final String id;
    final String deployment;
    final String version;
    private final String actor;
    private final Clock clock;
    private final AuditLog audit;
    private final PipelineListener listener;
    private final Instant startedAt;
    private final List<StepResult> steps = new ArrayList<>();

    TestReport tests;
    RegressionResult regression;
    String baselineSource;
    double[] baselineMs;
    double[] currentMs;
    PipelineReport.RegisteredVersion registered;
    RolloutView rollout;
    List<RolloutEvent> rolloutEvents = List.of();
    RollbackResult rollback;

    PipelineRun(String id, PipelineConfig config, String version, Clock clock, AuditLog audit,
                PipelineListener listener) {
        this.id = id;
        this.deployment = config.deployment();
        this.version = version;
        this.actor = config.actor();
        this.clock = clock;
        this.audit = audit;
        this.listener = listener;
        this.startedAt = clock.instant();
    }

    PipelineListener listener() {
        return listener;
    }

    StepResult start(PipelineStep step) {
        StepResult s = StepResult.running(step, clock.instant());
        steps.add(s);
        listener.onStep(id, s);
        return s;
    }

    void end(PipelineStep step, StepStatus status, String summary) {
        int i = indexOf(step);
        StepResult s = (i < 0 ? StepResult.running(step, clock.instant()) : steps.get(i))
                .ended(status, clock.instant(), summary);
        if (i < 0) {
            steps.add(s);
        } else {
            steps.set(i, s);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", step.key());
        details.put("status", status.key());
        details.put("version", version);
        audit.append(new AuditRecord(s.endedAt(), actor, "pipeline_" + step.key(), id, deployment, details, summary));
        listener.onStep(id, s);
    }

    void skip(PipelineStep step, String why) {
        end(step, StepStatus.SKIPPED, why);
    }

    private int indexOf(PipelineStep step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step() == step) {
                return i;
            }
        }
        return -1;
    }

    PipelineReport report(PipelineStatus status, PipelineStep failedStep, String message) {
        return new PipelineReport(id, deployment, version, status, failedStep, message, startedAt.toString(),
                clock.instant().toString(), steps, tests, regression, baselineSource, baselineMs, currentMs,
                registered, rollout, rolloutEvents, rollback);
    }
}
