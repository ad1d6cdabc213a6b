package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.rollout.RolloutException;

/**
 * Registration or the rollout failed, or an unhealthy stage was rolled back: the spec's RolloutError, with the
 * pipeline's report (its rollback result says what was put back).
 */
public final class PipelineRolloutException extends RolloutException implements PipelineFailure {
    private final transient PipelineReport report;

    public PipelineRolloutException(String message, PipelineReport report) {
        super(message);
        this.report = report;
    }

    @Override
    public PipelineReport report() {
        return report;
    }
}
