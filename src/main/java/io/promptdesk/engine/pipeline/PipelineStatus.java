package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where a pipeline run ended: {@code deployed} (rolled out to 100%, or made production as the model's first
 * version), {@code rolling_out} (no-wait mode: the rollout was started and continues), {@code failed} (a gate
 * stopped it), {@code rolled_back} (an unhealthy stage was rolled back), {@code gates_passed} (a gates-only run,
 * as on a pull request: tested and gated, nothing registered or rolled out).
 */
public enum PipelineStatus {
    DEPLOYED, ROLLING_OUT, FAILED, ROLLED_BACK, GATES_PASSED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
