package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutFormat;

import io.promptdesk.engine.rollout.HealthOutcome;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link StageTimeline}: a grid whose first row alternates stage markers and the connectors between them,
 * with each stage's caption and detail below its marker. Stages get the pseudo-class of their {@link StepState},
 * captions that of their verdict, connectors {@code :done} once traffic has moved past them. The structure is
 * rebuilt when the stages change; everything else only updates texts and pseudo-classes.
 */
public class StageTimelineSkin extends SkinBase<StageTimeline> {
    public static final String STEP = "stage-step";
    public static final String MARKER = "stage-marker";
    public static final String CAPTION = "stage-caption";
    public static final String DETAIL = "stage-detail";
    public static final String CONNECTOR = "stage-connector";
    static final PseudoClass CONNECTOR_DONE = PseudoClass.getPseudoClass("done");

    private final GridPane grid = new GridPane();
    private final List<Step> steps = new ArrayList<>();
    private final List<Region> connectors = new ArrayList<>();
    private final ListChangeListener<Integer> stagesChanged = c -> rebuild();
    private final MapChangeListener<Integer, HealthOutcome> verdictsChanged = c -> refresh();

    public StageTimelineSkin(StageTimeline control) {
        super(control);
        grid.getStyleClass().add("stage-grid");
        getChildren().add(grid);
        control.getStages().addListener(stagesChanged);
        control.getVerdicts().addListener(verdictsChanged);
        registerChangeListener(control.currentStageProperty(), o -> refresh());
        registerChangeListener(control.statusProperty(), o -> refresh());
        registerChangeListener(control.elapsedProperty(), o -> refresh());
        registerChangeListener(control.remainingProperty(), o -> refresh());
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        steps.clear();
        connectors.clear();
        List<Integer> stages = getSkinnable().getStages();
        for (int i = 0; i < stages.size(); i++) {
            Step step = new Step(stages.get(i));
            steps.add(step);
            int col = 2 * i;
            ColumnConstraints stepColumn = new ColumnConstraints();
            stepColumn.setHalignment(HPos.CENTER);
            stepColumn.setMinWidth(Region.USE_PREF_SIZE);
            grid.getColumnConstraints().add(stepColumn);
            grid.add(step.marker, col, 0);
            grid.add(step.caption, col, 1);
            grid.add(step.detail, col, 2);
            GridPane.setValignment(step.marker, VPos.CENTER);
            if (i < stages.size() - 1) {
                Region line = new Region();
                line.getStyleClass().add(CONNECTOR);
                line.setMaxWidth(Double.MAX_VALUE);
                connectors.add(line);
                ColumnConstraints lineColumn = new ColumnConstraints();
                lineColumn.setHgrow(Priority.ALWAYS);
                lineColumn.setMinWidth(12);
                grid.getColumnConstraints().add(lineColumn);
                grid.add(line, col + 1, 0);
                GridPane.setValignment(line, VPos.CENTER);
            }
        }
        refresh();
    }

    private void refresh() {
        StageTimeline t = getSkinnable();
        for (int i = 0; i < steps.size(); i++) {
            StepState state = t.stateOf(i);
            HealthOutcome verdict = t.getVerdicts().get(i);
            boolean last = i == steps.size() - 1;
            steps.get(i).show(state, verdict, caption(state, verdict, t.elapsedProperty().get(), last),
                    detail(state, verdict, t.elapsedProperty().get(), t.remainingProperty().get()));
        }
        for (int i = 0; i < connectors.size(); i++) {
            connectors.get(i).pseudoClassStateChanged(CONNECTOR_DONE, t.stateOf(i + 1) != StepState.PENDING);
        }
    }

    /** The first line under a stage: its verdict once passed, its clock while current, the failure mark. */
    static String caption(StepState state, HealthOutcome verdict, Duration elapsed, boolean lastStage) {
        return switch (state) {
            case DONE -> lastStage ? "\u2713 complete" : verdict == HealthOutcome.HEALTHY ? "\u2713 healthy"
                    : verdict == null ? "passed" : verdict.key();
            case CURRENT -> RolloutFormat.duration(elapsed) + " elapsed";
            case PAUSED -> "paused at " + RolloutFormat.duration(elapsed);
            case FAILED -> "\u2715 failed here";
            case ABORTED -> "\u2715 aborted here";
            case PENDING -> "";
        };
    }

    /** The second line: time left while current, the latest verdict while paused or after a failure. */
    static String detail(StepState state, HealthOutcome verdict, Duration elapsed, Duration remaining) {
        return switch (state) {
            case CURRENT -> RolloutFormat.duration(remaining) + " left \u00b7 " + RolloutFormat.outcome(verdict);
            case PAUSED, FAILED -> RolloutFormat.outcome(verdict);
            case ABORTED -> "after " + RolloutFormat.duration(elapsed);
            case DONE, PENDING -> "";
        };
    }

    @Override
    public void dispose() {
        getSkinnable().getStages().removeListener(stagesChanged);
        getSkinnable().getVerdicts().removeListener(verdictsChanged);
        super.dispose();
    }

    /** One stage's marker and its two lines of text. */
    private static final class Step {
        final Label marker = new Label();
        final Label caption = new Label();
        final Label detail = new Label();

        Step(int percentage) {
            marker.setText(percentage + "%");
            marker.getStyleClass().addAll(STEP, MARKER);
            caption.getStyleClass().add(CAPTION);
            detail.getStyleClass().add(DETAIL);
            marker.setMinWidth(Region.USE_PREF_SIZE);
        }

        void show(StepState state, HealthOutcome verdict, String captionText, String detailText) {
            for (StepState s : StepState.values()) {
                PseudoClass pc = PseudoClass.getPseudoClass(s.pseudoClass());
                boolean on = s == state;
                marker.pseudoClassStateChanged(pc, on);
                caption.pseudoClassStateChanged(pc, on);
                detail.pseudoClassStateChanged(pc, on);
            }
            for (HealthOutcome o : HealthOutcome.values()) {
                boolean on = o == verdict && state != StepState.PENDING;
                caption.pseudoClassStateChanged(PseudoClass.getPseudoClass(o.key()), on);
                detail.pseudoClassStateChanged(PseudoClass.getPseudoClass(o.key()), on);
            }
            caption.setText(captionText);
            detail.setText(detailText);
        }
    }
}
