package io.promptdesk.app.pipeline;

import java.util.List;
import java.util.Map;

/** What the Pipeline view runs: the Author's current template (its name and text) and its test cases. */
public record PipelineInput(String name, String template, List<Map<String, Object>> cases) {
    public PipelineInput {
        cases = List.copyOf(cases);
    }
}
