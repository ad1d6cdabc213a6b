package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.rollback.RollbackTimeoutException;

/**
 * The automatic rollback exceeded its SLA or did not succeed: the spec's RollbackTimeoutError, with the pipeline's
 * report; a person must step in.
 */
public final class PipelineRollbackException extends RollbackTimeoutException implements PipelineFailure {
    private final transient PipelineReport report;

    public PipelineRollbackException(String message, PipelineReport report, Throwable cause) {
        super(message, report.rollback(), cause);
        this.report = report;
    }

    @Override
    public PipelineReport report() {
        return report;
    }
}
