package io.promptdesk.app.pipeline;

import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.model.TestReport;

import java.util.function.BooleanSupplier;

/** The view model's port to the pipeline engine; tests give a scripted one. */
public interface PipelineLauncher {

    /** Runs the pipeline synchronously, on the caller's (background) thread. */
    PipelineReport launch(PipelineInput input, PipelineRequest request, PipelineListener listener,
                          BooleanSupplier cancelled);

    /**
     * Null when the person may run the pipeline; else what its disabled button says (a run registers, rolls out
     * and may roll back).
     */
    default String whyNot() {
        return null;
    }

    /** Keeps the run's test results for the Regression workspace; called on the FX thread. */
    void recordRun(String templateName, TestReport tests);
}
