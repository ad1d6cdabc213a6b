package io.promptdesk.ui.pipeline;

import io.promptdesk.app.pipeline.PipelineInput;

import io.promptdesk.ui.author.AuthorViewModel;

/** Reads the Author workspace's current template and cases for a pipeline run. FX thread only. */
public final class PipelineSource {
    private PipelineSource() {
    }

    public static PipelineInput of(AuthorViewModel author) {
        return new PipelineInput(author.document().nameProperty().get(), author.document().text(),
                author.cases().snapshot());
    }
}
