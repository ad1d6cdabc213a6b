package io.promptdesk.engine.stats;

import io.promptdesk.model.PromptDeskException;

/** The spec's RegressionDetectedError: a gate found a regression; the result carries the evidence. */
public class RegressionDetectedException extends PromptDeskException {
    private final transient RegressionResult result;

    public RegressionDetectedException(RegressionResult result) {
        super(result.recommendation());
        this.result = result;
    }

    public RegressionResult result() {
        return result;
    }

    /** Throws when {@code result} detected a regression; returns it otherwise. */
    public static RegressionResult requireNone(RegressionResult result) {
        if (result.regressionDetected()) {
            throw new RegressionDetectedException(result);
        }
        return result;
    }
}
