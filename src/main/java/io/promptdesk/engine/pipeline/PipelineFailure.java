package io.promptdesk.engine.pipeline;

/** A pipeline failure: one of the spec's exceptions, carrying the run's report up to the failed step. */
public interface PipelineFailure {
    PipelineReport report();

    default PipelineStep failedStep() {
        return report().failedStep();
    }
}
