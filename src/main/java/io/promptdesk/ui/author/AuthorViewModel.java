package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.CaseFiles;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.ui.common.DialogService.FileKind;
import io.promptdesk.ui.common.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Author workspace: one template with its test cases, live checks and test runs, and the file intents
 * (new, open, save, save as, recent, import, export) with a confirmation before unsaved changes are lost.
 */
public final class AuthorViewModel {

    static final List<FileKind> TEMPLATE_KINDS = List.of(
            new FileKind("Prompt templates", List.of("prompt", "txt", "tmpl")));
    static final List<FileKind> CASE_KINDS = List.of(
            new FileKind("JSON", List.of("json")), new FileKind("CSV", List.of("csv")),
            new FileKind("JSON Lines", List.of("jsonl")), new FileKind("YAML", List.of("yaml", "yml")));

    private final Path workspace;
    private final DialogService dialogs;
    private final TemplateFiles files;
    private final RecentFiles recentStore;
    private final TemplateDocument document = new TemplateDocument();
    private final TestCasesModel cases = new TestCasesModel();
    private final LiveChecks live;
    private final TestRunModel run;
    private final ObservableList<Path> templates = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> templatesView = FXCollections.unmodifiableObservableList(templates);
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready");
    private final BooleanBinding dirty;
    private final StringBinding title;

    public AuthorViewModel(AuthorServices services) {
        this.workspace = services.workspace();
        this.dialogs = services.dialogs();
        this.files = services.files();
        this.recentStore = services.recentFiles();
        this.live = new LiveChecks(services.requests().settings(), services.runner());
        this.run = new TestRunModel(services.engine(), services.runner(), dialogs, services.requests(),
                report -> services.history().record(document.nameProperty().get(), report));
        this.dirty = document.dirtyProperty().or(cases.dirtyProperty());
        this.title = Bindings.createStringBinding(() -> document.nameProperty().get() + (dirty.get() ? " *" : ""),
                document.nameProperty(), dirty);
        document.variables().addListener((ListChangeListener<String>) c ->
                cases.setVariables(document.variables()));
        document.parsedProperty().addListener((obs, old, now) -> refreshLive());
        cases.selectedProperty().addListener((obs, old, now) -> refreshLive());
        cases.revisionProperty().addListener((obs, old, now) -> refreshLive());
        run.summaryProperty().addListener((obs, old, now) -> status.set(now));
        refreshLive();
    }

    /** Lists the workspace and opens its first template (or a new one when it has none). */
    public void start() {
        refreshTemplates();
        recent.setAll(recentStore.load());
        if (templates.isEmpty()) {
            newTemplate();
        } else {
            openTemplate(templates.get(0));
        }
    }

    public void refreshTemplates() {
        try {
            templates.setAll(files.listTemplates(workspace));
        } catch (PromptDeskException e) {
            dialogs.showError("Cannot list templates", e.getMessage(), null);
        }
    }

    /** Opens {@code file} after the unsaved-changes prompt; false when cancelled or unreadable. */
    public boolean openTemplate(Path file) {
        if (file.equals(document.path()) && !dirty.get()) {
            return true;
        }
        if (!confirmLeave()) {
            return false;
        }
        try {
            String text = files.readTemplate(file);
            List<Map<String, Object>> rows = files.readCases(file);
            run.clear();
            document.load(file, text);
            cases.setVariables(document.variables());
            cases.load(rows);
            recent.setAll(recentStore.remember(file));
            status.set("Opened " + file.getFileName() + " with " + rows.size() + " test case(s)");
            return true;
        } catch (PromptDeskException e) {
            dialogs.showError("Cannot open " + file.getFileName(), e.getMessage(), null);
            return false;
        }
    }

    public void openWithChooser() {
        dialogs.chooseFileToOpen("Open template", workspace, TEMPLATE_KINDS).ifPresent(this::openTemplate);
    }

    public void newTemplate() {
        if (!confirmLeave()) {
            return;
        }
        run.clear();
        document.load(null, "");
        cases.setVariables(List.of());
        cases.load(List.of());
        status.set("New template: write placeholders as {name} or {{ name }}");
    }

    /** Saves template and cases; asks for a file when the template has none. False when not saved. */
    public boolean save() {
        Path path = document.path();
        return path == null ? saveAs() : writeTo(path, false);
    }

    public boolean saveAs() {
        Path folder = document.path() != null ? document.path().getParent() : workspace;
        Optional<Path> target = dialogs.chooseFileToSave("Save template as", folder, document.nameProperty().get(),
                TEMPLATE_KINDS);
        return target.map(p -> writeTo(TemplateFiles.withTemplateExtension(p), true)).orElse(false);
    }

    private boolean writeTo(Path path, boolean newLocation) {
        try {
            files.writeTemplate(path, document.text());
            boolean writeCases = newLocation || cases.isDirty()
                    || (!cases.cases().isEmpty() && !Files.exists(files.casesFileFor(path)));
            if (writeCases) {
                files.writeCases(path, cases.snapshot(), List.copyOf(cases.columns()));
            }
        } catch (PromptDeskException e) {
            dialogs.showError("Cannot save " + path.getFileName(), e.getMessage(), null);
            return false;
        }
        document.markSaved(path);
        cases.markSaved();
        recent.setAll(recentStore.remember(path));
        refreshTemplates();
        status.set("Saved " + path.getFileName());
        return true;
    }

    /** True when nothing unsaved would be lost: clean, saved now, or discarded by choice. */
    public boolean confirmLeave() {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.confirmUnsaved(document.nameProperty().get())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public void runTests() {
        run.runAll(document.text(), document.forcedDialect(), cases.snapshot());
    }

    public void rerunFailed() {
        run.rerunFailed(document.text(), document.forcedDialect(), cases.snapshot());
    }

    public void cancelRun() {
        run.cancel();
    }

    public void addCase() {
        cases.add();
    }

    public void duplicateSelectedCase() {
        TestCase sel = cases.selectedProperty().get();
        if (sel != null) {
            cases.duplicate(sel);
        }
    }

    public void deleteSelectedCase() {
        TestCase sel = cases.selectedProperty().get();
        if (sel != null) {
            cases.delete(sel);
        }
    }

    public void importCases() {
        Optional<Path> file = dialogs.chooseFileToOpen("Import test cases", workspace, CASE_KINDS);
        if (file.isEmpty()) {
            return;
        }
        try {
            List<Map<String, Object>> rows = CaseFiles.read(file.get());
            cases.replaceAll(rows);
            status.set("Imported " + rows.size() + " test case(s) from " + file.get().getFileName());
        } catch (PromptDeskException e) {
            dialogs.showError("Cannot import test cases", e.getMessage(), null);
        }
    }

    public void exportCases() {
        String name = document.nameProperty().get().replaceFirst("\\.[^.]*$", "") + ".cases.json";
        Optional<Path> file = dialogs.chooseFileToSave("Export test cases", workspace, name, CASE_KINDS);
        if (file.isEmpty()) {
            return;
        }
        try {
            CaseFiles.write(file.get(), cases.snapshot(), List.copyOf(cases.columns()));
            dialogs.notify(DialogService.Outcome.SUCCESS, "Exported",
                    cases.cases().size() + " test case(s) to " + file.get().getFileName());
        } catch (PromptDeskException e) {
            dialogs.showError("Cannot export test cases", e.getMessage(), null);
        }
    }

    private void refreshLive() {
        TestCase sel = cases.selectedProperty().get();
        live.update(document.parsed(), sel == null ? null : sel.values());
    }

    public TemplateDocument document() {
        return document;
    }

    public TestCasesModel cases() {
        return cases;
    }

    public LiveChecks live() {
        return live;
    }

    public TestRunModel run() {
        return run;
    }

    public Path workspace() {
        return workspace;
    }

    public ObservableList<Path> templates() {
        return templatesView;
    }

    public ObservableList<Path> recentFiles() {
        return recentView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    /** File name with a "*" while unsaved, for the window title. */
    public ObservableStringValue titleProperty() {
        return title;
    }
}
