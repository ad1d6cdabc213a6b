package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;

/** The pipeline's steps in the order they run, named as in the reports. */
public enum PipelineStep {
    RUN_TESTS("run_tests"),
    DETECT_REGRESSION("detect_regression"),
    REGISTER_VERSION("register_version"),
    ROLLOUT("rollout"),
    ROLLBACK("rollback");

    private final String key;

    PipelineStep(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }
}
