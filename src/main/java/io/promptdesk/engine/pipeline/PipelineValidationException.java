package io.promptdesk.engine.pipeline;

import io.promptdesk.model.PromptValidationException;

/** The tests failed: the spec's PromptValidationError, with the pipeline's report. */
public final class PipelineValidationException extends PromptValidationException implements PipelineFailure {
    private final transient PipelineReport report;

    public PipelineValidationException(String message, PipelineReport report) {
        super(message);
        this.report = report;
    }

    @Override
    public PipelineReport report() {
        return report;
    }
}
