package io.promptdesk.ui.rollout;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.RolloutStatus;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;

import java.time.Duration;

/**
 * A rollout's traffic stages as a row of steps, ControlsFX-style: this control holds the state, {@link
 * StageTimelineSkin} draws it, {@code stage-timeline.css} styles it. Each stage shows its percentage; passed
 * stages their health verdict; the current one is highlighted with its elapsed time and time left; the stage
 * where a rollout failed or was aborted is marked.
 * <p>
 * Every property is plain and writable, so a view binds it to its view model.
 */
public class StageTimeline extends Control {
    public static final String STYLE_CLASS = "stage-timeline";

    private final ObservableList<Integer> stages = FXCollections.observableArrayList();
    private final IntegerProperty currentStage = new SimpleIntegerProperty(this, "currentStage", -1);
    private final ObjectProperty<RolloutStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObservableMap<Integer, HealthOutcome> verdicts = FXCollections.observableHashMap();
    private final ObjectProperty<Duration> elapsed = new SimpleObjectProperty<>(this, "elapsed", Duration.ZERO);
    private final ObjectProperty<Duration> remaining = new SimpleObjectProperty<>(this, "remaining", Duration.ZERO);

    public StageTimeline() {
        getStyleClass().add(STYLE_CLASS);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new StageTimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return StageTimeline.class.getResource("stage-timeline.css").toExternalForm();
    }

    /** The traffic percentages, in order. */
    public ObservableList<Integer> getStages() {
        return stages;
    }

    /** Index of the current stage into {@link #getStages()}; -1 when there is no rollout. */
    public IntegerProperty currentStageProperty() {
        return currentStage;
    }

    public int getCurrentStage() {
        return currentStage.get();
    }

    public void setCurrentStage(int index) {
        currentStage.set(index);
    }

    public ObjectProperty<RolloutStatus> statusProperty() {
        return status;
    }

    public RolloutStatus getStatus() {
        return status.get();
    }

    public void setStatus(RolloutStatus s) {
        status.set(s);
    }

    /** The latest health verdict of each stage, by index. */
    public ObservableMap<Integer, HealthOutcome> getVerdicts() {
        return verdicts;
    }

    /** Time spent in the current stage. */
    public ObjectProperty<Duration> elapsedProperty() {
        return elapsed;
    }

    /** Time left in the current stage before it may advance. */
    public ObjectProperty<Duration> remainingProperty() {
        return remaining;
    }

    /** The state of stage {@code index}. */
    public StepState stateOf(int index) {
        return StepState.of(index, getCurrentStage(), getStatus());
    }
}
