package io.promptdesk.app.pipeline;

import java.util.List;

/** The form's choices: where the version goes, its name, the rollout stages and automatic rollback. */
public record PipelineRequest(String deployment, String version, List<Integer> stages, boolean autoRollback) {
    public PipelineRequest {
        stages = List.copyOf(stages);
    }
}
