package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.ConsoleSnapshot;
import io.promptdesk.app.rollout.MetricSeries;
import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.app.rollout.RolloutDetail;
import io.promptdesk.app.rollout.RolloutFormat;
import io.promptdesk.app.rollout.RolloutRow;
import io.promptdesk.app.rollout.StartRequest;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutAction;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutStateMachine;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Rollout workspace: the rollouts (up to three active, and the history), the selected one's stages, health
 * and events, and the intents - start, advance, pause, resume, complete, abort - each enabled only when the
 * rollout's state machine allows it. Snapshots come from the driver's ticks and from the intents, both off the FX
 * thread; {@link #apply(ConsoleSnapshot)} takes them on the FX thread and drops any older than the last applied.
 */
public final class RolloutViewModel {
    private final ConsoleCalls calls;
    private final ZoneId zone;
    private final StartFormModel start = new StartFormModel();
    private final SimulatorModel simulator;
    private final ObservableList<RolloutRow> rollouts = FXCollections.observableArrayList();
    private final ObservableList<RolloutRow> rolloutsView = FXCollections.unmodifiableObservableList(rollouts);
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<Rollout> rollout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RolloutStatus> status = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> stages = FXCollections.observableArrayList();
    private final ObservableList<Integer> stagesView = FXCollections.unmodifiableObservableList(stages);
    private final ReadOnlyIntegerWrapper currentStage = new ReadOnlyIntegerWrapper(-1);
    private final ObservableMap<Integer, HealthOutcome> verdicts = FXCollections.observableHashMap();
    private final ObservableMap<Integer, HealthOutcome> verdictsView =
            FXCollections.unmodifiableObservableMap(verdicts);
    private final ReadOnlyObjectWrapper<Duration> elapsed = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ReadOnlyObjectWrapper<Duration> remaining = new ReadOnlyObjectWrapper<>(Duration.ZERO);
    private final ObservableList<RolloutEvent> events = FXCollections.observableArrayList();
    private final ObservableList<RolloutEvent> eventsView = FXCollections.unmodifiableObservableList(events);
    private final ReadOnlyObjectWrapper<List<MetricSeries>> series = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No rollout yet");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastCheck = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper activeCount = new ReadOnlyIntegerWrapper();
    private final ObservableList<Integer> advanceTargets = FXCollections.observableArrayList();
    private final ObservableList<Integer> advanceTargetsView =
            FXCollections.unmodifiableObservableList(advanceTargets);
    private final ObjectProperty<Integer> advanceTarget = new SimpleObjectProperty<>();
    private final BooleanProperty force = new SimpleBooleanProperty();
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanBinding canAdvance;
    private final BooleanBinding canPause;
    private final BooleanBinding canResume;
    private final BooleanBinding canComplete;
    private final BooleanBinding canAbort;
    private final BooleanBinding canStart;
    private long appliedSeq;
    private final io.promptdesk.app.Permissions permissions;

    public RolloutViewModel(RolloutConsole console, BackgroundRunner runner, DialogService dialogs, ZoneId zone) {
        this.permissions = console.permissions();
        this.calls = new ConsoleCalls(console, runner, dialogs, this::apply);
        this.zone = zone;
        this.simulator = new SimulatorModel(calls);
        BooleanBinding forceNeedsReason = force.and(Bindings.createBooleanBinding(
                () -> reason.get() == null || reason.get().isBlank(), reason));
        canAdvance = allowed(RolloutAction.ADVANCE).and(advanceTarget.isNotNull()).and(forceNeedsReason.not());
        canPause = allowed(RolloutAction.PAUSE);
        canResume = allowed(RolloutAction.RESUME);
        canComplete = allowed(RolloutAction.COMPLETE).and(forceNeedsReason.not());
        canAbort = allowed(RolloutAction.ABORT);
        canStart = start.requestProperty().isNotNull().and(calls.busyProperty().not())
                .and(Bindings.createBooleanBinding(() -> permissions.may(GuardedAction.START_ROLLOUT)));
    }

    /** Null when the person's roles allow {@code action}; else what its disabled button says. */
    public String whyNot(GuardedAction action) {
        return permissions.whyNot(action);
    }

    private static GuardedAction guarded(RolloutAction action) {
        return switch (action) {
            case ADVANCE -> GuardedAction.ADVANCE_ROLLOUT;
            case PAUSE -> GuardedAction.PAUSE_ROLLOUT;
            case RESUME -> GuardedAction.RESUME_ROLLOUT;
            case COMPLETE -> GuardedAction.COMPLETE_ROLLOUT;
            case ABORT -> GuardedAction.ABORT_ROLLOUT;
        };
    }

    /**
     * True while the selected rollout's status allows {@code action}, no intent is under way, and the person's roles
     * allow it.
     */
    private BooleanBinding allowed(RolloutAction action) {
        boolean permitted = permissions.may(guarded(action));
        return Bindings.createBooleanBinding(() -> permitted && status.get() != null && !calls.busyProperty().get()
                && RolloutStateMachine.allowed(status.get()).contains(action), status, calls.busyProperty());
    }

    /** Reads the store once: what the console shows before the driver's first tick. */
    public void load() {
        calls.quietly(RolloutConsole::refresh);
    }

    public void select(String rolloutId) {
        if (rolloutId == null || rolloutId.equals(selectedId.get())) {
            return;
        }
        selectedId.set(rolloutId);
        // Nothing is enabled until the chosen rollout's own state arrives.
        status.set(null);
        calls.quietly(c -> c.select(rolloutId));
    }

    public void startRollout() {
        StartRequest request = start.toStart();
        if (request == null) {
            return;
        }
        calls.call("Cannot start the rollout", c -> c.start(request), snapshot -> {
            selectedId.set(snapshot.selectedId());
            start.reasonProperty().set("");
            apply(snapshot);
        });
    }

    /** Moves to the chosen later stage: after a health check, or without one when forced (with a reason). */
    public void advance() {
        String id = selectedId.get();
        Integer target = advanceTarget.get();
        boolean forced = force.get();
        String why = reason.get();
        if (id != null && target != null) {
            calls.call(forced ? "Forced advance failed" : "Advance refused",
                    c -> c.advance(id, target, forced, why), this::clearInputs);
        }
    }

    public void pause() {
        String id = selectedId.get();
        String why = reason.get();
        calls.call("Cannot pause the rollout", c -> c.pause(id, why), this::clearInputs);
    }

    public void resume() {
        String id = selectedId.get();
        calls.call("Cannot resume the rollout", c -> c.resume(id));
    }

    /** All traffic to the new version; the force option skips the final health check (with a reason). */
    public void complete() {
        String id = selectedId.get();
        boolean skip = force.get();
        String why = reason.get();
        calls.call("Completion refused", c -> c.complete(id, skip, why), this::clearInputs);
    }

    public void abort() {
        String id = selectedId.get();
        String why = reason.get();
        calls.call("Cannot abort the rollout", c -> c.abort(id, why), this::clearInputs);
    }

    private void clearInputs(ConsoleSnapshot snapshot) {
        reason.set("");
        force.set(false);
        apply(snapshot);
    }

    /** Shows a snapshot, unless a newer one is already shown. Call on the FX thread. */
    public void apply(ConsoleSnapshot s) {
        if (s.seq() <= appliedSeq) {
            return;
        }
        appliedSeq = s.seq();
        if (!rollouts.equals(s.rollouts())) {
            rollouts.setAll(s.rollouts());
        }
        activeCount.set(s.activeCount());
        start.update(s.deployments(), s.activeCount(), s.maxActive());
        message.set(s.problem() == null ? s.activeCount() + " of " + s.maxActive() + " rollouts active"
                : s.problem());
        if (selectedId.get() == null && s.selectedId() != null) {
            selectedId.set(s.selectedId());
        }
        if (s.selected() == null || Objects.equals(s.selectedId(), selectedId.get())) {
            show(s.selected());
            simulator.update(s.simulator());
        }
    }

    private void show(RolloutDetail d) {
        Rollout r = d == null ? null : d.rollout();
        rollout.set(r);
        status.set(r == null ? null : r.status());
        List<Integer> stageList = r == null ? List.of() : r.plan().stages();
        if (!stages.equals(stageList)) {
            stages.setAll(stageList);
        }
        currentStage.set(r == null ? -1 : r.currentStage());
        Map<Integer, HealthOutcome> v = d == null ? Map.of() : d.stageVerdicts();
        if (!verdicts.equals(v)) {
            verdicts.clear();
            verdicts.putAll(v);
        }
        elapsed.set(d == null ? Duration.ZERO : d.elapsed());
        remaining.set(d == null ? Duration.ZERO : d.remaining());
        List<RolloutEvent> ev = d == null ? List.of() : d.events();
        if (!events.equals(ev)) {
            events.setAll(ev);
        }
        series.set(d == null ? List.of() : d.series());
        List<Integer> targets = r == null || !r.status().active() ? List.of()
                : stageList.subList(r.currentStage() + 1, stageList.size());
        if (!advanceTargets.equals(targets)) {
            advanceTargets.setAll(targets);
        }
        if (advanceTarget.get() == null || !targets.contains(advanceTarget.get())) {
            advanceTarget.set(targets.isEmpty() ? null : targets.get(0));
        }
        title.set(r == null ? "No rollout yet" : r.deploymentName() + " " + r.newVersion() + " (stable "
                + r.stableVersion() + ")");
        headline.set(r == null ? "" : RolloutFormat.headline(r));
        lastCheck.set(d == null ? "" : RolloutFormat.lastCheck(d.lastCheck(), zone));
    }

    public StartFormModel start() {
        return start;
    }

    public SimulatorModel simulator() {
        return simulator;
    }

    public ZoneId zone() {
        return zone;
    }

    public ObservableList<RolloutRow> rollouts() {
        return rolloutsView;
    }

    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Rollout> rolloutProperty() {
        return rollout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RolloutStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<Integer> stages() {
        return stagesView;
    }

    public ReadOnlyIntegerProperty currentStageProperty() {
        return currentStage.getReadOnlyProperty();
    }

    /** Each stage's latest health verdict, by stage index. */
    public ObservableMap<Integer, HealthOutcome> verdicts() {
        return verdictsView;
    }

    /** Time spent in the current stage (plan time, pauses excluded). */
    public ReadOnlyObjectProperty<Duration> elapsedProperty() {
        return elapsed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** Every transition of the selected rollout, oldest first, as stored. */
    public ObservableList<RolloutEvent> events() {
        return eventsView;
    }

    public ReadOnlyObjectProperty<List<MetricSeries>> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "in progress at 25%", "failed at 50%, traffic back on 1.0" ... */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The latest health check's verdict and why. */
    public ReadOnlyStringProperty lastCheckProperty() {
        return lastCheck.getReadOnlyProperty();
    }

    /** How many rollouts are active, or what went wrong driving them. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty activeCountProperty() {
        return activeCount.getReadOnlyProperty();
    }

    public ObservableList<Integer> advanceTargets() {
        return advanceTargetsView;
    }

    /** Writable: the advance target choice binds to it. */
    public ObjectProperty<Integer> advanceTargetProperty() {
        return advanceTarget;
    }

    /** Writable: skip the health check of an advance or completion; needs a reason. */
    public BooleanProperty forceProperty() {
        return force;
    }

    /** Writable: why, for a pause, an abort or a forced move; recorded with the transition. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return calls.busyProperty();
    }

    public BooleanBinding canAdvanceProperty() {
        return canAdvance;
    }

    public BooleanBinding canPauseProperty() {
        return canPause;
    }

    public BooleanBinding canResumeProperty() {
        return canResume;
    }

    public BooleanBinding canCompleteProperty() {
        return canComplete;
    }

    public BooleanBinding canAbortProperty() {
        return canAbort;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
