package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackListener;
import io.promptdesk.engine.rollback.RollbackOutcome;
import io.promptdesk.engine.rollback.RollbackRecord;
import io.promptdesk.engine.rollback.RollbackRequest;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollback.StepRecord;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.ui.common.DialogService.Outcome;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The rollback button's view model, shared by the Rollout and Rollback workspaces so that two buttons never start
 * two rollbacks: which model, the version it would roll back from, the valid targets and the chosen one, the
 * button's text, whether it may be pressed, and an interrupted rollback to finish. Intents run the engine through
 * the background runner; step records and health snapshots come back in batches, one FX hop each.
 */
public final class RollbackViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackViewModel.class);

    private final RollbackServices services;
    private final RollbackController controller;
    private final RollbackRunModel run;
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList();
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<String> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final StringProperty model = new SimpleStringProperty();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper action = new ReadOnlyStringWrapper("Roll back");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RollbackRecord> interrupted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper interruptedText = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRollback;
    private final BooleanBinding canFinish;
    private int generation;
    private Future<?> monitor;

    /** What the store says about a model, read off the FX thread. */
    private record Choice(String current, List<String> targets, String message, RollbackRecord interrupted) {
    }

    /** A finished trigger with every step it recorded. */
    private record Finished(RollbackOutcome outcome, List<StepRecord> steps) {
    }

    public RollbackViewModel(RollbackServices services) {
        this.services = services;
        this.controller = services.controller();
        this.run = new RollbackRunModel(services.clock(), services.ticker(),
                controller.settings().rollbackTimeout());
        boolean permitted = services.permissions().may(GuardedAction.ROLLBACK);
        canRollback = Bindings.createBooleanBinding(() -> permitted && current.get() != null && target.get() != null
                        && targets.contains(target.get()) && !run.runningProperty().get(),
                current, target, targets, run.runningProperty());
        canFinish = interrupted.isNotNull().and(run.runningProperty().not());
        model.addListener((obs, old, now) -> reload());
        target.addListener((obs, old, now) -> updateAction());
    }

    /** Reads the model names, then the selected (or first) model. */
    public void load() {
        services.runner().run((p, c) -> services.models().get(), ProgressListener.NONE, names -> {
            models.setAll(names);
            if (model.get() == null && !names.isEmpty()) {
                model.set(names.get(0));
            } else {
                reload();
            }
        }, e -> services.dialogs().showError("Cannot read the models", e.getMessage(), null));
    }

    /** Shows {@code name} (the Rollout workspace follows its selected rollout); the same one is re-read. */
    public void selectModel(String name) {
        if (Objects.equals(name, model.get())) {
            reload();
        } else {
            model.set(name);
        }
    }

    /** Re-reads the current version, the valid targets and any interrupted rollback of the model. */
    public void reload() {
        int gen = ++generation;
        String m = model.get();
        if (m == null) {
            apply(new Choice(null, List.of(), "", null));
            return;
        }
        services.runner().run((p, c) -> read(m), ProgressListener.NONE, choice -> {
            if (gen == generation) {
                apply(choice);
            }
        }, e -> {
            if (gen == generation) {
                apply(new Choice(null, List.of(), e.getMessage(), null));
            }
        });
    }

    private Choice read(String m) {
        // Marking a dead process's rollback interrupted is a write: a desk that may not roll back only reads.
        RollbackRecord stopped = (services.permissions().may(GuardedAction.ROLLBACK) ? controller.recoverInterrupted()
                : controller.interrupted()).stream()
                .filter(r -> r.modelName().equals(m)).findFirst().orElse(null);
        Optional<String> cur = controller.currentVersion(m);
        if (cur.isEmpty()) {
            return new Choice(null, List.of(), m + " has nothing deployed to roll back", stopped);
        }
        List<String> valid = controller.validTargets(m, cur.get());
        String why = "";
        if (valid.isEmpty()) {
            Optional<String> previous = controller.previousStableVersion(m, cur.get());
            why = "No valid target to roll " + m + " " + cur.get() + " back to: " + previous
                    .map(p -> controller.validateRollbackTarget(m, cur.get(), p).errorMessage())
                    .orElse("no earlier version was stable in production");
        }
        return new Choice(cur.get(), valid, why, stopped);
    }

    private void apply(Choice c) {
        current.set(c.current());
        String keep = target.get();
        targets.setAll(c.targets());
        target.set(keep != null && c.targets().contains(keep) ? keep : c.targets().stream().findFirst().orElse(null));
        message.set(c.message());
        interrupted.set(c.interrupted());
        interruptedText.set(c.interrupted() == null ? "" : "Rollback " + c.interrupted().rollbackId() + " of "
                + c.interrupted().modelName() + " " + c.interrupted().fromVersion() + " -> "
                + c.interrupted().toVersion() + " was interrupted at " + c.interrupted().step().key()
                + (c.interrupted().error() == null ? "" : ": " + c.interrupted().error()));
        updateAction();
    }

    private void updateAction() {
        String m = model.get();
        if (m == null) {
            action.set("Roll back");
        } else if (current.get() == null) {
            action.set("Nothing to roll back in " + m);
        } else if (target.get() == null) {
            action.set("Roll back " + m + " " + current.get() + ": no valid target");
        } else {
            action.set(RollbackFormat.action(m, current.get(), target.get()));
        }
    }

    /**
     * Null when this person may roll back; else who can, for everyone to read beside the button: "Only oncall can
     * roll back. Needs the oncall role - you are ana (viewer); ask a PromptDesk admin".
     */
    public String whoCanRollBack() {
        String why = services.permissions().whyNot(GuardedAction.ROLLBACK);
        return why == null ? null : "Only " + GuardedAction.ROLLBACK.needs() + " can roll back. " + why;
    }

    /** The button (or the emergency shortcut): confirm with a reason, then roll back off the FX thread. */
    public void requestRollback() {
        if (!canRollback.get()) {
            return;
        }
        String m = model.get();
        String from = current.get();
        String to = target.get();
        Optional<String> reason = services.confirmer().confirm(RollbackFormat.action(m, from, to),
                RollbackRequest.DEFAULT_REASON);
        if (reason.isEmpty() || run.runningProperty().get()) {
            return;
        }
        RollbackRequest request;
        try {
            request = new RollbackRequest(m, from, to, reason.get(), services.actor(), false);
        } catch (PromptDeskException e) {
            services.dialogs().showError("Rollback not started", e.getMessage(), null);
            return;
        }
        execute(m, from, to, () -> {
            services.permissions().require(GuardedAction.ROLLBACK, m);
            return controller.trigger(request, stepsListener());
        });
    }

    /** Finishes the interrupted rollback where it stopped. */
    public void finishInterrupted() {
        RollbackRecord r = interrupted.get();
        if (r == null || run.runningProperty().get()) {
            return;
        }
        execute(r.modelName(), r.fromVersion(), r.toVersion(), () -> {
            services.permissions().require(GuardedAction.ROLLBACK, r.modelName());
            return controller.resume(r.rollbackId(), services.actor(), stepsListener());
        });
    }

    private void execute(String m, String from, String to, Supplier<RollbackOutcome> work) {
        stopMonitor();
        run.begin(m, from, to);
        services.runner().run((p, c) -> {
            RollbackOutcome o = work.get();
            return new Finished(o, controller.steps(o.result().rollbackId()));
        }, ProgressListener.NONE, this::finished, e -> {
            run.abandon(e.getMessage());
            services.dialogs().showError("Rollback of " + m + " not done", e.getMessage(),
                    e instanceof PromptDeskException ? null : e);
            reload();
        });
    }

    private RollbackListener stepsListener() {
        BatchOnFx<StepRecord> batch = new BatchOnFx<>(run::steps, services.fxThread());
        return new RollbackListener() {
            @Override
            public void onStep(StepRecord step) {
                batch.accept(step);
            }
        };
    }

    private void finished(Finished f) {
        run.steps(f.steps());
        run.finish(f.outcome().result());
        var r = f.outcome().result();
        String what = r.modelName() + " " + r.fromVersion() + " -> " + r.toVersion();
        if (r.status() == RollbackStatus.SUCCESS) {
            services.dialogs().notify(Outcome.SUCCESS, f.outcome().joined() ? "Rollback already done" : "Rolled back",
                    what + " in " + RollbackFormat.duration(r, run.sla()));
            watch(r.modelName());
        } else {
            services.dialogs().notify(Outcome.WARNING, "Rollback " + r.status().key(), what + ": " + r.error());
        }
        reload();
    }

    /** Streams the production version's health after a rollback into the chart, a batch per FX hop. */
    private void watch(String m) {
        BatchOnFx<HealthSnapshot> batch = new BatchOnFx<>(run::health, services.fxThread());
        services.runner().run((p, c) -> controller.monitorPostRollbackHealth(m,
                        (int) services.monitorDuration().toSeconds(), (int) services.monitorInterval().toSeconds(),
                        batch::accept), ProgressListener.NONE, f -> {
                    monitor = f;
                    f.whenComplete((health, t) -> {
                        if (t != null && !(t instanceof java.util.concurrent.CancellationException)) {
                            LOG.warn("the health watch of {} after its rollback stopped: {}", m, t.getMessage());
                        }
                    });
                },
                e -> LOG.warn("cannot watch the health of {} after its rollback: {}", m, e.getMessage()));
    }

    private void stopMonitor() {
        if (monitor != null) {
            monitor.cancel(true);
            monitor = null;
        }
    }

    /** Stops the post-rollback health watch (the console closes). */
    public void close() {
        stopMonitor();
    }

    public RollbackRunModel run() {
        return run;
    }

    public ObservableList<String> models() {
        return modelsView;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> targets() {
        return targetsView;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** The button's text: "Roll back content-generator 3.2.1 -> 3.1.4". */
    public ReadOnlyStringProperty actionProperty() {
        return action.getReadOnlyProperty();
    }

    /** Why no rollback is possible, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RollbackRecord> interruptedProperty() {
        return interrupted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty interruptedTextProperty() {
        return interruptedText.getReadOnlyProperty();
    }

    public BooleanBinding canRollbackProperty() {
        return canRollback;
    }

    public BooleanBinding canFinishProperty() {
        return canFinish;
    }
}
