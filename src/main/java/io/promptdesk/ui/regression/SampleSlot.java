package io.promptdesk.ui.regression;

import io.promptdesk.app.RecordedRun;
import io.promptdesk.model.BadInputException;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.DialogService.FileKind;
import io.promptdesk.ui.common.ProgressListener;
import io.promptdesk.ui.common.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Where one group's values come from: a sample file (with its CSV column), a recorded test run, or pasted
 * numbers. Files are read off the FX thread; a newer choice wins over a load still running.
 */
public final class SampleSlot {

    static final List<FileKind> SAMPLE_KINDS = List.of(
            new FileKind("Samples (CSV, JSON, text)", List.of("csv", "json", "txt")),
            new FileKind("All files", List.of("*")));
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT).withZone(ZoneId.systemDefault());

    static final String RUN_METRIC = "case time (ms)";

    private final Group group;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Path folder;

    private final ReadOnlyObjectWrapper<LoadedSample> sample = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ReadOnlyStringWrapper column = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper metricHint = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private Path file;
    private TaskHandle task;
    private long generation;

    SampleSlot(Group group, BackgroundRunner runner, DialogService dialogs, Path folder) {
        this.group = group;
        this.runner = runner;
        this.dialogs = dialogs;
        this.folder = folder;
    }

    /** Asks for a sample file and reads it. */
    public void chooseFile() {
        Path start = file != null && file.getParent() != null ? file.getParent() : folder;
        dialogs.chooseFileToOpen("Open " + group.label().toLowerCase(Locale.ROOT) + " sample", start, SAMPLE_KINDS)
                .ifPresent(this::loadFile);
    }

    /** Reads {@code path}; for CSV the first numeric measurement column unless one is chosen later. */
    public void loadFile(Path path) {
        read(path, null);
    }

    /** Reads the chosen column of the current CSV file. */
    public void selectColumn(String name) {
        if (file != null && name != null && !name.equals(column.get()) && columns.contains(name)) {
            read(file, name);
        }
    }

    public void usePasted(String text) {
        try {
            double[] values = PastedNumbers.parse(text);
            use(null, List.of(), null, null, new LoadedSample("pasted numbers", values));
        } catch (BadInputException e) {
            error.set(e.getMessage());
        }
    }

    public void useRun(RecordedRun run) {
        if (run == null) {
            return;
        }
        if (run.cases() == 0) {
            error.set("that run has no executed cases to compare");
            return;
        }
        use(null, List.of(), null, RUN_METRIC, new LoadedSample(describe(run), run.caseMillis()));
    }

    /** How a recorded run is named in lists and descriptions. */
    static String describe(RecordedRun run) {
        return run.template() + " run at " + RUN_TIME.format(run.finishedAt()) + " (" + run.cases() + " case times)";
    }

    private void read(Path path, String wanted) {
        if (task != null) {
            task.cancel();
        }
        long mine = ++generation;
        loading.set(true);
        error.set("");
        task = runner.run((progress, cancelled) -> SampleFileReader.read(path, wanted), ProgressListener.NONE,
                read -> {
                    if (mine == generation) {
                        loading.set(false);
                        String what = read.file().getFileName() + (read.column() != null && read.columns().size() > 1
                                ? ", column " + read.column() : "");
                        use(read.file(), read.columns(), read.column(), read.column(),
                                new LoadedSample(what, read.values()));
                    }
                },
                e -> {
                    if (mine == generation) {
                        loading.set(false);
                        error.set(e.getMessage());
                    }
                });
    }

    private void use(Path from, List<String> header, String chosen, String metric, LoadedSample loaded) {
        generation++;
        if (task != null) {
            task.cancel();
            task = null;
        }
        loading.set(false);
        file = from;
        columns.setAll(header.size() > 1 ? header : List.of());
        column.set(chosen);
        metricHint.set(metric);
        error.set("");
        sample.set(loaded);
    }

    public Group group() {
        return group;
    }

    /** The values in use, or null before the first choice. */
    public ReadOnlyObjectProperty<LoadedSample> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    /** The CSV header of the file in use when it has more than one column; empty otherwise. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    public ReadOnlyStringProperty columnProperty() {
        return column.getReadOnlyProperty();
    }

    /** Why the last choice could not be used ("" when it could); the previous sample stays in use. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the values measure when the source says so (a CSV column, a run's case times), else null. */
    public ReadOnlyStringProperty metricHintProperty() {
        return metricHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
