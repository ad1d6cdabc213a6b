package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.stats.RegressionDetectedException;

/** The regression gate failed: the spec's RegressionDetectedError, with the pipeline's report. */
public final class PipelineRegressionException extends RegressionDetectedException implements PipelineFailure {
    private final transient PipelineReport report;

    public PipelineRegressionException(PipelineReport report) {
        super(report.detectRegression());
        this.report = report;
    }

    @Override
    public PipelineReport report() {
        return report;
    }
}
