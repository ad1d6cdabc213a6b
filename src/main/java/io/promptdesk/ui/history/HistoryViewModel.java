package io.promptdesk.ui.history;

import io.promptdesk.app.history.HistoryExport;
import io.promptdesk.app.history.HistoryFilter;
import io.promptdesk.app.history.HistoryRow;
import io.promptdesk.app.history.HistorySnapshot;
import io.promptdesk.app.history.HistorySource;

import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.DialogService.FileKind;
import io.promptdesk.ui.common.DialogService.Outcome;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * The History workspace: rollbacks and rollouts in one list, filtered by model, status, who and date; the
 * selected row's details; export of the shown rows as CSV or JSON; and the audit chain's status.
 */
public final class HistoryViewModel {
    private static final List<FileKind> CSV = List.of(new FileKind("CSV", List.of("csv")));
    private static final List<FileKind> JSON = List.of(new FileKind("JSON", List.of("json")));

    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final HistorySource source;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final ZoneId zone;
    private final Path folder;
    private final ObservableList<HistoryRow> all = FXCollections.observableArrayList();
    private final FilteredList<HistoryRow> shown = new FilteredList<>(all);
    private final ObservableList<String> models = FXCollections.observableArrayList(HistoryFilter.ALL);
    private final ObservableList<String> statuses = FXCollections.observableArrayList(HistoryFilter.ALL);
    private final ObservableList<String> modelsView = FXCollections.unmodifiableObservableList(models);
    private final ObservableList<String> statusesView = FXCollections.unmodifiableObservableList(statuses);
    private final StringProperty model = new SimpleStringProperty(HistoryFilter.ALL);
    private final StringProperty status = new SimpleStringProperty(HistoryFilter.ALL);
    private final StringProperty who = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<HistoryRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper audit = new ReadOnlyStringWrapper("audit log: not checked yet");
    private final ReadOnlyBooleanWrapper auditIntact = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public HistoryViewModel(HistorySource source, BackgroundRunner runner, DialogService dialogs, ZoneId zone,
                            Path folder) {
        this.source = source;
        this.runner = runner;
        this.dialogs = dialogs;
        this.zone = zone;
        this.folder = folder;
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> new HistoryFilter(model.get(),
                status.get(), who.get(), from.get(), to.get(), zone), model, status, who, from, to));
        details.bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().details(),
                selected));
        summary.bind(Bindings.createStringBinding(() -> shown.size() + " of " + all.size() + " shown", shown, all));
    }

    /** Re-reads every rollback and rollout and checks the audit chain. */
    public void load() {
        runner.run((p, c) -> source.read(), ProgressListener.NONE, this::apply,
                e -> dialogs.showError("Cannot read the history", e.getMessage(), null));
    }

    private void apply(HistorySnapshot s) {
        HistoryRow keep = selected.get();
        String keepModel = model.get();
        String keepStatus = status.get();
        all.setAll(s.rows());
        models.setAll(Stream.concat(Stream.of(HistoryFilter.ALL),
                s.rows().stream().map(HistoryRow::model).distinct().sorted()).toList());
        statuses.setAll(Stream.concat(Stream.of(HistoryFilter.ALL),
                s.rows().stream().map(HistoryRow::status).distinct().sorted()).toList());
        // A combo box clears its value when its items are replaced: put the filters back.
        model.set(models.contains(keepModel) ? keepModel : HistoryFilter.ALL);
        status.set(statuses.contains(keepStatus) ? keepStatus : HistoryFilter.ALL);
        selected.set(keep == null ? null : s.rows().stream()
                .filter(r -> Objects.equals(r.id(), keep.id())).findFirst().orElse(null));
        AuditVerification v = s.audit();
        auditIntact.set(v.intact());
        audit.set(v.intact() ? "audit chain intact: " + v.rows() + " entries verified"
                : "audit chain BROKEN at entry " + v.firstBadSeq() + ": " + v.problem());
    }

    public void exportCsv() {
        export("Export the history as CSV", "history.csv", CSV, HistoryExport::csv);
    }

    public void exportJson() {
        export("Export the history as JSON", "history.json", JSON, HistoryExport::json);
    }

    private void export(String title, String name, List<FileKind> kinds, BiConsumer<List<HistoryRow>, Path> write) {
        List<HistoryRow> rows = List.copyOf(shown);
        dialogs.chooseFileToSave(title, folder, name, kinds).ifPresent(file ->
                runner.run((p, c) -> {
                    write.accept(rows, file);
                    return file;
                }, ProgressListener.NONE, f -> dialogs.notify(Outcome.SUCCESS, "History exported",
                        rows.size() + " rows written to " + f.getFileName()),
                        e -> dialogs.showError("Cannot export the history", e.getMessage(), null)));
    }

    public ZoneId zone() {
        return zone;
    }

    /** A time as the table shows it, in the person's zone; empty for none. */
    public String time(java.time.Instant t) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    /** The rows the filters let through, most recent first. */
    public ObservableList<HistoryRow> rows() {
        return shown;
    }

    public ObservableList<String> models() {
        return modelsView;
    }

    public ObservableList<String> statuses() {
        return statusesView;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty whoProperty() {
        return who;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<HistoryRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty auditProperty() {
        return audit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty auditIntactProperty() {
        return auditIntact.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
