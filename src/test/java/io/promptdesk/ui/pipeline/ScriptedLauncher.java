package io.promptdesk.ui.pipeline;

import io.promptdesk.app.pipeline.PipelineInput;
import io.promptdesk.app.pipeline.PipelineLauncher;
import io.promptdesk.app.pipeline.PipelineRequest;

import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.model.TestReport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** A launcher that fails with a scripted exception, or returns a scripted report; it records what it was asked. */
public final class ScriptedLauncher implements PipelineLauncher {
    public final List<PipelineRequest> requests = new ArrayList<>();
    public final List<String> recorded = new ArrayList<>();
    public RuntimeException failure = new IllegalStateException("the store is locked");
    public PipelineReport report;

    @Override
    public PipelineReport launch(PipelineInput input, PipelineRequest request, PipelineListener listener,
                                 BooleanSupplier cancelled) {
        requests.add(request);
        if (report != null) {
            return report;
        }
        throw failure;
    }

    @Override
    public void recordRun(String templateName, TestReport tests) {
        recorded.add(templateName);
    }
}
