package io.promptdesk.ui.pipeline;

import io.promptdesk.engine.pipeline.PipelineStep;
import io.promptdesk.engine.pipeline.StepResult;
import io.promptdesk.engine.pipeline.StepStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One step's line in the view: its status (null while waiting) and what it found. FX thread only. */
public final class StepRow {
    private final PipelineStep step;
    private final ReadOnlyObjectWrapper<StepStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    StepRow(PipelineStep step) {
        this.step = step;
    }

    public PipelineStep step() {
        return step;
    }

    public String title() {
        return switch (step) {
            case RUN_TESTS -> "Test the template";
            case DETECT_REGRESSION -> "Regression gate";
            case REGISTER_VERSION -> "Register the version";
            case ROLLOUT -> "Roll out";
            case ROLLBACK -> "Roll back if unhealthy";
        };
    }

    void show(StepResult r) {
        status.set(r.status());
        summary.set(r.summary() == null ? "" : r.summary());
    }

    void reset(String text) {
        status.set(null);
        summary.set(text);
    }

    public ReadOnlyObjectProperty<StepStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
