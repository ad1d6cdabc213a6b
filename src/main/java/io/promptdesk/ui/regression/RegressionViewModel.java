package io.promptdesk.ui.regression;

import io.promptdesk.app.RecordedRun;
import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.StatisticalTest;
import io.promptdesk.json.Json;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.Debouncer;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.DialogService.FileKind;
import io.promptdesk.ui.common.DialogService.Outcome;
import io.promptdesk.ui.common.ProgressListener;
import io.promptdesk.ui.common.TaskHandle;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Regression workspace: a baseline and a current sample, the analysis settings, and the latest outcome.
 * Every change of a sample or a setting asks for a new analysis; the debouncer coalesces bursts and the
 * analysis runs off the FX thread, latest wins: a newer request cancels the running one and its result is
 * ignored. Exports the report as JSON and charts as PNG.
 */
public final class RegressionViewModel {

    static final List<FileKind> JSON_KIND = List.of(new FileKind("JSON", List.of("json")));
    static final List<FileKind> PNG_KIND = List.of(new FileKind("PNG image", List.of("png")));
    static final String DEFAULT_METRIC = "metric";

    private final Path workspace;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Debouncer debouncer;
    private final SampleSlot baseline;
    private final SampleSlot current;
    private final ObservableList<RecordedRun> runs = FXCollections.observableArrayList();
    private final ObservableList<RecordedRun> runsView = FXCollections.unmodifiableObservableList(runs);

    private final StringProperty metricName = new SimpleStringProperty(DEFAULT_METRIC);
    private final BooleanProperty tTest = new SimpleBooleanProperty(true);
    private final BooleanProperty mannWhitney = new SimpleBooleanProperty(true);
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.INCREASE);
    private final ObjectProperty<Double> confidence =
            new SimpleObjectProperty<>(PerformanceRegressionDetector.DEFAULT_CONFIDENCE_LEVEL);
    private final ObjectProperty<Double> minEffectSize =
            new SimpleObjectProperty<>(PerformanceRegressionDetector.DEFAULT_MIN_EFFECT_SIZE);
    private final ObjectProperty<Double> outlierThreshold =
            new SimpleObjectProperty<>(PerformanceRegressionDetector.DEFAULT_OUTLIER_THRESHOLD);
    private final BooleanProperty dropNonFinite = new SimpleBooleanProperty();
    private final ObjectProperty<TrendSeries> trendSeries =
            new SimpleObjectProperty<>(TrendSeries.BASELINE_THEN_CURRENT);

    private final ReadOnlyObjectWrapper<AnalysisOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Verdict> verdict =
            new ReadOnlyObjectWrapper<>(Verdict.waiting("Choose a baseline and a current sample"));
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final BooleanBinding canExport;
    private String autoMetric = DEFAULT_METRIC;
    private TaskHandle task;
    private long generation;

    public RegressionViewModel(RegressionServices services) {
        this.workspace = services.workspace();
        this.runner = services.runner();
        this.dialogs = services.dialogs();
        this.debouncer = services.debouncer();
        this.baseline = new SampleSlot(Group.BASELINE, runner, dialogs, workspace);
        this.current = new SampleSlot(Group.CURRENT, runner, dialogs, workspace);
        this.canExport = Bindings.createBooleanBinding(() -> outcome.get() != null && outcome.get().succeeded(),
                outcome);
        runs.setAll(services.history().runs());
        // The Author records runs on the FX thread, so the list can follow directly.
        services.history().addListener(runs::setAll);
        baseline.metricHintProperty().addListener((obs, old, now) -> suggestMetric(now));
        current.metricHintProperty().addListener((obs, old, now) -> suggestMetric(now));
        Observable[] triggers = {baseline.sampleProperty(), current.sampleProperty(), metricName, tTest,
                mannWhitney, direction, confidence, minEffectSize, outlierThreshold, dropNonFinite, trendSeries};
        for (Observable o : triggers) {
            o.addListener(x -> debouncer.request(this::analyse));
        }
    }

    /** A column or a run names the metric, unless the person has typed a name of their own. */
    private void suggestMetric(String name) {
        if (name != null && (metricName.get() == null || metricName.get().isBlank()
                || metricName.get().equals(autoMetric))) {
            autoMetric = name;
            metricName.set(name);
        }
    }

    /** Starts an analysis of the current samples and settings now, replacing one still running. */
    void analyse() {
        LoadedSample b = baseline.sampleProperty().get();
        LoadedSample c = current.sampleProperty().get();
        if (task != null) {
            task.cancel();
            task = null;
        }
        long mine = ++generation;
        if (b == null || c == null) {
            busy.set(false);
            verdict.set(Verdict.waiting(b == null && c == null ? "Choose a baseline and a current sample"
                    : "Choose the " + (b == null ? "baseline" : "current") + " sample"));
            return;
        }
        Settings settings = settings();
        AnalysisOutcome previous = outcome.get();
        busy.set(true);
        task = runner.run((progress, cancelled) -> AnalysisJob.run(b, c, settings, previous, cancelled),
                ProgressListener.NONE,
                result -> {
                    if (mine == generation && result != null) {
                        task = null;
                        busy.set(false);
                        outcome.set(result);
                        verdict.set(Verdict.of(result));
                    }
                },
                e -> {
                    if (mine == generation) {
                        task = null;
                        busy.set(false);
                        verdict.set(new Verdict(Verdict.Status.FAILED, "Cannot analyse", e.getMessage(), List.of(),
                                List.of()));
                        dialogs.showError("Analysis failed", String.valueOf(e.getMessage()), e);
                    }
                });
    }

    /** The settings as they are now. */
    Settings settings() {
        List<String> tests = new ArrayList<>();
        if (tTest.get()) {
            tests.add(StatisticalTest.T_TEST.key());
        }
        if (mannWhitney.get()) {
            tests.add(StatisticalTest.MANN_WHITNEY.key());
        }
        return new Settings(metricName.get() == null || metricName.get().isBlank() ? DEFAULT_METRIC
                : metricName.get().strip(), tests, direction.get(), confidence.get(), minEffectSize.get(),
                outlierThreshold.get(), dropNonFinite.get(), trendSeries.get());
    }

    /** Saves the last successful analysis as JSON. */
    public void exportReport() {
        AnalysisOutcome o = outcome.get();
        if (o == null || !o.succeeded()) {
            return;
        }
        String name = o.settings().metricName().replaceAll("[^A-Za-z0-9._-]+", "-") + "-regression.json";
        dialogs.chooseFileToSave("Export regression report", workspace, name, JSON_KIND).ifPresent(path -> {
            try {
                Files.writeString(path, Json.pretty(RegressionReport.of(o)) + "\n", StandardCharsets.UTF_8);
                dialogs.notify(Outcome.SUCCESS, "Report exported", path.getFileName().toString());
            } catch (IOException e) {
                dialogs.showError("Cannot export the report", path + ": " + e.getMessage(), null);
            }
        });
    }

    /** Saves one chart as PNG; {@code image} writes the picture the view took of it. */
    public void exportChart(String chartName, PngSource image) {
        dialogs.chooseFileToSave("Export chart as PNG", workspace, chartName + ".png", PNG_KIND).ifPresent(path -> {
            try {
                image.writeTo(path);
                dialogs.notify(Outcome.SUCCESS, "Chart exported", path.getFileName().toString());
            } catch (IOException e) {
                dialogs.showError("Cannot export the chart", path + ": " + e.getMessage(), null);
            }
        });
    }

    /** Writes a picture of a chart; the view implements it with a snapshot, tests with a fake. */
    @FunctionalInterface
    public interface PngSource {
        void writeTo(Path target) throws IOException;
    }

    public SampleSlot baseline() {
        return baseline;
    }

    public SampleSlot current() {
        return current;
    }

    /** Test runs recorded by the Author workspace, newest first. */
    public ObservableList<RecordedRun> runs() {
        return runsView;
    }

    public StringProperty metricNameProperty() {
        return metricName;
    }

    public BooleanProperty tTestProperty() {
        return tTest;
    }

    public BooleanProperty mannWhitneyProperty() {
        return mannWhitney;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public ObjectProperty<Double> confidenceProperty() {
        return confidence;
    }

    public ObjectProperty<Double> minEffectSizeProperty() {
        return minEffectSize;
    }

    /** Modified z-score beyond which values are dropped; 0 keeps them all. */
    public ObjectProperty<Double> outlierThresholdProperty() {
        return outlierThreshold;
    }

    public BooleanProperty dropNonFiniteProperty() {
        return dropNonFinite;
    }

    public ObjectProperty<TrendSeries> trendSeriesProperty() {
        return trendSeries;
    }

    /** The latest analysis, or null before the first. */
    ReadOnlyObjectProperty<AnalysisOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True while an analysis runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }
}
