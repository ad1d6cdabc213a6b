package io.promptdesk.ui.pipeline;

import io.promptdesk.app.pipeline.PipelineInput;
import io.promptdesk.app.pipeline.PipelineLauncher;
import io.promptdesk.app.pipeline.PipelineRequest;

import io.promptdesk.engine.pipeline.PipelineFailure;
import io.promptdesk.engine.pipeline.PipelineListener;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.PipelineStep;
import io.promptdesk.engine.pipeline.StepResult;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Pipeline view's state: the form (deployment, version, stages, automatic rollback), one row per step updated
 * as the engine reports it, the outcome, and links into the Regression and Rollout workspaces. The console starts
 * the rollout and leaves it to the Rollout workspace, which drives it with its simulator. FX thread only; the run
 * goes through the background runner, and step reports hop to the FX thread through {@code fxThread}.
 */
public final class PipelineViewModel {
    public static final String REGRESSION_WORKSPACE = "Regression";
    public static final String ROLLOUT_WORKSPACE = "Rollout";

    private final PipelineLauncher launcher;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Supplier<PipelineInput> source;
    private final Consumer<String> navigate;
    private final Consumer<Runnable> fxThread;

    private final StringProperty deployment = new SimpleStringProperty("");
    private final StringProperty version = new SimpleStringProperty("");
    private final StringProperty stages = new SimpleStringProperty("10,25,50,100");
    private final BooleanProperty autoRollback = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Runs the Author's current template "
            + "through the tests, the regression gate, registration and the start of its rollout.");
    private final ReadOnlyObjectWrapper<PipelineReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper rollout = new ReadOnlyStringWrapper("");
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final BooleanBinding canRun;
    private final BooleanBinding canOpenRollout;
    private final BooleanBinding canOpenRegression;

    /**
     * @param source   the Author's current template and cases, read when a run starts
     * @param navigate shows a workspace by its title (MainWindow.showWorkspace)
     * @param fxThread runs a step update on the FX thread (Platform::runLater; tests: Runnable::run)
     */
    public PipelineViewModel(PipelineLauncher launcher, BackgroundRunner runner, DialogService dialogs,
                             Supplier<PipelineInput> source, Consumer<String> navigate, Consumer<Runnable> fxThread) {
        this.launcher = launcher;
        this.runner = runner;
        this.dialogs = dialogs;
        this.source = source;
        this.navigate = navigate;
        this.fxThread = fxThread;
        for (PipelineStep s : PipelineStep.values()) {
            steps.add(new StepRow(s));
        }
        canRun = busy.not().and(Bindings.createBooleanBinding(() -> !deployment.get().isBlank()
                && !version.get().isBlank(), deployment, version));
        canOpenRollout = Bindings.createBooleanBinding(() -> report.get() != null && report.get().rollout() != null,
                report);
        canOpenRegression = Bindings.createBooleanBinding(() -> report.get() != null
                && report.get().runTests() != null, report);
    }

    /** Runs the pipeline for the Author's current template. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        List<Integer> stageList;
        try {
            stageList = parseStages(stages.get());
        } catch (NumberFormatException e) {
            dialogs.showError("Pipeline", "The stages are percentages separated by commas, e.g. 10,25,50,100; '"
                    + stages.get() + "' is not.", null);
            return;
        }
        PipelineInput input = source.get();
        if (input == null || input.template().isBlank()) {
            dialogs.showError("Pipeline", "Open or write a template in the Author workspace first.", null);
            return;
        }
        PipelineRequest request = new PipelineRequest(deployment.get().strip(), version.get().strip(), stageList,
                autoRollback.get());
        steps.forEach(r -> r.reset("waiting"));
        report.set(null);
        rollout.set("");
        busy.set(true);
        status.set("Running the pipeline for " + input.name() + " as " + request.deployment() + " "
                + request.version() + "...");
        PipelineListener listener = new PipelineListener() {
            @Override
            public void onStep(String pipelineId, StepResult step) {
                fxThread.accept(() -> row(step.step()).show(step));
            }

            @Override
            public void onRollout(RolloutView view) {
                fxThread.accept(() -> rollout.set(describe(view)));
            }
        };
        runner.run((progress, cancelled) -> launcher.launch(input, request, listener, cancelled),
                ProgressListener.NONE, r -> finished(input, r, null), e -> failed(input, e));
    }

    public void openRegression() {
        navigate.accept(REGRESSION_WORKSPACE);
    }

    public void openRollout() {
        navigate.accept(ROLLOUT_WORKSPACE);
    }

    private void finished(PipelineInput input, PipelineReport r, String stoppedBecause) {
        busy.set(false);
        report.set(r);
        r.steps().forEach(s -> row(s.step()).show(s));
        steps.stream().filter(row -> row.statusProperty().get() == null).forEach(row -> row.reset("not reached"));
        if (r.rollout() != null) {
            rollout.set(describe(r.rollout()));
        }
        if (r.runTests() != null) {
            launcher.recordRun(input.name(), r.runTests());
        }
        if (stoppedBecause == null) {
            status.set(r.status().key().replace('_', ' ') + ": " + r.message());
            dialogs.notify(DialogService.Outcome.SUCCESS, "Pipeline", r.message());
        } else {
            status.set("Stopped at " + r.failedStep().key() + ": " + stoppedBecause);
            dialogs.notify(DialogService.Outcome.WARNING, "Pipeline stopped at " + r.failedStep().key(),
                    stoppedBecause);
        }
    }

    private void failed(PipelineInput input, RuntimeException e) {
        if (e instanceof PipelineFailure f) {
            finished(input, f.report(), e.getMessage());
            return;
        }
        busy.set(false);
        steps.stream().filter(row -> "waiting".equals(row.summaryProperty().get())).forEach(row -> row.reset(""));
        status.set("The pipeline could not run: " + e.getMessage());
        dialogs.showError("Pipeline", e.getMessage(), e);
    }

    private StepRow row(PipelineStep step) {
        return steps.get(step.ordinal());
    }

    private static String describe(RolloutView v) {
        return "Rollout " + v.rolloutId() + ": " + v.status().key().replace('_', ' ') + " at "
                + v.currentPercentage() + "% (stages " + v.stages() + ")";
    }

    static List<Integer> parseStages(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : Arrays.asList(text.split(","))) {
            if (!p.isBlank()) {
                out.add(Integer.parseInt(p.strip().replace("%", "")));
            }
        }
        if (out.isEmpty()) {
            throw new NumberFormatException("no stages");
        }
        return out;
    }

    /** Null when the person may run the pipeline; else what the disabled button says. */
    public String whyNot() {
        return launcher.whyNot();
    }

    public StringProperty deploymentProperty() {
        return deployment;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty stagesProperty() {
        return stages;
    }

    public BooleanProperty autoRollbackProperty() {
        return autoRollback;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rolloutProperty() {
        return rollout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PipelineReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return FXCollections.unmodifiableObservableList(steps);
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canOpenRolloutProperty() {
        return canOpenRollout;
    }

    public BooleanBinding canOpenRegressionProperty() {
        return canOpenRegression;
    }
}
