package io.promptdesk.ui.author;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.TemplateDialect;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;

/**
 * The template being edited: its text, file, unsaved state and the parse of every revision. Parsing is
 * sub-millisecond, so every edit re-parses synchronously and problems, variables and highlights stay exact.
 */
public final class TemplateDocument {

    public static final String UNTITLED = "untitled.prompt";

    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(UNTITLED);
    private final ObjectProperty<DialectChoice> dialectChoice = new SimpleObjectProperty<>(DialectChoice.AUTO);
    private final ReadOnlyObjectWrapper<ParsedTemplate> parsed =
            new ReadOnlyObjectWrapper<>(TemplateParser.parse(""));
    private final ReadOnlyObjectWrapper<List<Highlight>> highlights = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<Diagnostic> problems = FXCollections.observableArrayList();
    private final ObservableList<String> variables = FXCollections.observableArrayList();
    private final ObservableList<Diagnostic> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<String> variablesView = FXCollections.unmodifiableObservableList(variables);
    private final ReadOnlyStringWrapper dialectLabel = new ReadOnlyStringWrapper();
    private String savedText = "";

    public TemplateDocument() {
        dialectChoice.addListener((obs, old, now) -> reparse());
        reparse();
        path.addListener((obs, old, now) -> name.set(now == null ? UNTITLED : now.getFileName().toString()));
    }

    /** The editor's text changed. */
    public void edit(String newText) {
        String value = newText == null ? "" : newText;
        if (value.equals(text.get())) {
            return;
        }
        text.set(value);
        dirty.set(!value.equals(savedText));
        reparse();
    }

    /** Replaces the document with a file's content (or an empty untitled one when {@code file} is null). */
    public void load(Path file, String content) {
        savedText = content == null ? "" : content;
        path.set(file);
        dialectChoice.set(DialectChoice.AUTO);
        text.set(savedText);
        dirty.set(false);
        reparse();
    }

    /** The text is now stored in {@code file}. */
    public void markSaved(Path file) {
        savedText = text.get();
        path.set(file);
        dirty.set(false);
    }

    /** The forced dialect, or null when it is detected (what a test request expects). */
    public TemplateDialect forcedDialect() {
        return dialectChoice.get().dialect();
    }

    /** The syntax error under {@code offset}, or null. */
    public String problemAt(int offset) {
        return Highlights.errorAt(highlights.get(), offset);
    }

    private void reparse() {
        String src = text.get();
        TemplateDialect forced = forcedDialect();
        ParsedTemplate p = TemplateParser.parse(src, forced != null ? forced : TemplateParser.detectDialect(src));
        highlights.set(Highlights.of(p));
        problems.setAll(p.diagnostics());
        if (!variables.equals(p.variables())) {
            variables.setAll(p.variables());
        }
        parsed.set(p);
        dialectLabel.set(p.dialect().example() + (forced == null ? " detected" : " forced"));
    }

    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Writable: the dialect switch binds to it. */
    public ObjectProperty<DialectChoice> dialectChoiceProperty() {
        return dialectChoice;
    }

    /** The dialect in use as a placeholder example, and whether it was detected or forced: "{name} detected". */
    public ReadOnlyStringProperty dialectLabelProperty() {
        return dialectLabel.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ParsedTemplate> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Highlight>> highlightsProperty() {
        return highlights.getReadOnlyProperty();
    }

    public ObservableList<Diagnostic> problems() {
        return problemsView;
    }

    public ObservableList<String> variables() {
        return variablesView;
    }

    public ParsedTemplate parsed() {
        return parsed.get();
    }

    public String text() {
        return text.get();
    }

    public Path path() {
        return path.get();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
