package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollback.RollbackStep;
import io.promptdesk.engine.rollback.StepRecord;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One rollback as the console shows it: each step with its state, the SLA countdown (on the injected clock, moved
 * by the injected ticker), then the result, its duration against the SLA, the health before and after, and the
 * post-rollback health snapshots as they arrive. FX thread only.
 */
public final class RollbackRunModel {
    private final Clock clock;
    private final SlaTicker ticker;
    private final Duration sla;
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<HealthSnapshot> postHealth = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper secondsLeft = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RollbackResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper slaMet = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preHealth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper postHealthText = new ReadOnlyStringWrapper("");
    // One wrapper each: an unmodifiable view listens weakly to its list, so a fresh one per call loses listeners.
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<HealthSnapshot> postHealthView = FXCollections.unmodifiableObservableList(postHealth);
    private Instant startedAt;

    RollbackRunModel(Clock clock, SlaTicker ticker, Duration sla) {
        this.clock = clock;
        this.ticker = ticker;
        this.sla = sla;
        resetSteps();
    }

    /** A rollback starts (or resumes): every step pending, the countdown from the full SLA. */
    void begin(String model, String from, String to) {
        resetSteps();
        postHealth.clear();
        result.set(null);
        status.set("running");
        slaMet.set("");
        duration.set("");
        error.set("");
        preHealth.set("");
        postHealthText.set("");
        title.set(model + " " + from + " -> " + to);
        startedAt = clock.instant();
        running.set(true);
        shown.set(true);
        tick();
        ticker.start(this::tick);
    }

    /** A batch of step records, in the order stored. */
    void steps(List<StepRecord> records) {
        for (StepRecord r : records) {
            steps.set(r.step().ordinal(), StepRow.of(r));
        }
    }

    void finish(RollbackResult r) {
        ticker.stop();
        running.set(false);
        result.set(r);
        status.set(r.status().key());
        slaMet.set(RollbackFormat.sla(r));
        duration.set(RollbackFormat.duration(r, sla));
        error.set(r.error() == null ? "" : r.error());
        if (r.durationSeconds() != null) {
            secondsLeft.set(Math.max(0, sla.toMillis() / 1000.0 - r.durationSeconds()));
            countdown.set(RollbackFormat.spare(secondsLeft.get(), sla));
        }
        RollbackResult.HealthCheckResults h = r.healthCheckResults();
        preHealth.set(RollbackFormat.health(h == null ? null : h.preRollback()));
        postHealthText.set(RollbackFormat.health(h == null ? null : h.postRollback()));
    }

    /** The rollback could not be started or ended in an error: nothing more will arrive. */
    void abandon(String why) {
        ticker.stop();
        running.set(false);
        status.set("failed");
        error.set(why);
    }

    /** Post-rollback snapshots, one batch per FX hop. */
    void health(List<HealthSnapshot> batch) {
        postHealth.addAll(batch);
    }

    void tick() {
        if (startedAt == null) {
            return;
        }
        double elapsed = Duration.between(startedAt, clock.instant()).toMillis() / 1000.0;
        secondsLeft.set(Math.max(0, sla.toMillis() / 1000.0 - elapsed));
        countdown.set(RollbackFormat.countdown(secondsLeft.get(), sla));
    }

    private void resetSteps() {
        steps.setAll(Arrays.stream(RollbackStep.values()).map(StepRow::pending).toList());
    }

    public Duration sla() {
        return sla;
    }

    public ObservableList<StepRow> steps() {
        return stepsView;
    }

    /** Post-rollback health snapshots, oldest first. */
    public ObservableList<HealthSnapshot> postHealth() {
        return postHealthView;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once a rollback was started here: the panel has something to show. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RollbackResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** running, success, failed or timeout. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "sla_met" or "SLA missed" once finished. */
    public ReadOnlyStringProperty slaMetProperty() {
        return slaMet.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty preHealthProperty() {
        return preHealth.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty postHealthTextProperty() {
        return postHealthText.getReadOnlyProperty();
    }
}
