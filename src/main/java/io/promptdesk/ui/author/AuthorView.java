package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The Author workspace: template list | editor with problems, side panel with rules, variables and preview;
 * below, the test cases and the results of the last run.
 */
public final class AuthorView extends BorderPane {

    public static final String RUN_BUTTON_ID = "run-tests";
    public static final String DIALECT_BADGE_ID = "dialect-badge";
    public static final String REGISTER_BUTTON_ID = "register-version";

    private final TemplateEditorView editor;
    private final TabPane bottomTabs;
    private final Tab resultsTab;

    public AuthorView(AuthorViewModel vm, RegisterVersionModel registration) {
        TemplateDocument doc = vm.document();
        editor = new TemplateEditorView(doc);
        ProblemsView problems = new ProblemsView(doc, d -> editor.reveal(d.offset(), d.length()));

        SplitPane editorAndProblems = new SplitPane(editor, problems);
        editorAndProblems.setOrientation(Orientation.VERTICAL);
        editorAndProblems.setDividerPositions(0.78);

        LiveChecksView side = new LiveChecksView(vm);
        SplitPane top = new SplitPane(editorAndProblems, side);
        top.setDividerPositions(0.7);

        Tab casesTab = new Tab("Test cases", new TestCasesView(vm));
        casesTab.textProperty().bind(Bindings.size(vm.cases().cases()).asString("Test cases (%d)"));
        resultsTab = new Tab("Results");
        // Built on first sight: nobody needs the results table before the first run, so start-up skips it.
        resultsTab.selectedProperty().addListener((obs, was, now) -> {
            if (now && resultsTab.getContent() == null) {
                resultsTab.setContent(new ResultsView(vm.run()));
            }
        });
        bottomTabs = new TabPane(casesTab, resultsTab);
        bottomTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // A finished run shows its results.
        vm.run().runningProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                bottomTabs.getSelectionModel().select(resultsTab);
            }
        });

        SplitPane main = new SplitPane(top, bottomTabs);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.58);
        BorderPane work = new BorderPane(main);
        work.setTop(toolbar(vm, registration));

        TemplateListView templates = new TemplateListView(vm);
        templates.setPrefWidth(200);
        templates.setMinWidth(140);
        SplitPane outer = new SplitPane(templates, work);
        outer.setDividerPositions(0.15);
        SplitPane.setResizableWithParent(templates, false);
        setCenter(outer);
    }

    private static ToolBar toolbar(AuthorViewModel vm, RegisterVersionModel registration) {
        TemplateDocument doc = vm.document();
        Label name = new Label();
        name.getStyleClass().add(StyleClasses.TOOLBAR_TITLE);
        name.textProperty().bind(vm.titleProperty());

        Label dialect = new Label();
        dialect.setId(DIALECT_BADGE_ID);
        dialect.getStyleClass().addAll(StyleClasses.BADGE, StyleClasses.DIALECT_BADGE);
        dialect.textProperty().bind(doc.dialectLabelProperty());
        dialect.setTooltip(new Tooltip("The placeholder syntax the editor parses this template with"));
        ComboBox<DialectChoice> choice = new ComboBox<>();
        choice.getItems().setAll(DialectChoice.values());
        choice.valueProperty().bindBidirectional(doc.dialectChoiceProperty());
        choice.setTooltip(new Tooltip("Detect the dialect from the text (Auto), or force one"));
        choice.setPrefWidth(120);

        TestRunModel run = vm.run();
        Button runButton = new Button("Run tests");
        runButton.setId(RUN_BUTTON_ID);
        runButton.setDefaultButton(false);
        runButton.setTooltip(new Tooltip("Run every test case (Ctrl+Enter)"));
        runButton.setOnAction(e -> vm.runTests());
        runButton.disableProperty().bind(run.runningProperty());
        Button rerun = new Button("Re-run failed");
        rerun.setOnAction(e -> vm.rerunFailed());
        rerun.disableProperty().bind(run.runningProperty().or(run.hasFailuresProperty().not()));
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancelRun());
        cancel.disableProperty().bind(run.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(run.progressProperty());
        progress.visibleProperty().bind(run.runningProperty());
        progress.setPrefWidth(140);
        runButton.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);

        Button register = new Button("Register version");
        register.setId(REGISTER_BUTTON_ID);
        register.setTooltip(new Tooltip("Register the saved template (and its last test report) as a new version "
                + "of the model named after it"));
        register.setOnAction(e -> registration.register());
        register.disableProperty().bind(registration.canRegisterProperty().not());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        return new ToolBar(name, gap, dialect, choice, new Separator(Orientation.VERTICAL),
                runButton, rerun, cancel, progress, new Separator(Orientation.VERTICAL),
                io.promptdesk.ui.common.RoleLock.lock(register, registration.whyNot()));
    }

    /** "Ln 3, Col 12" of the editor's caret. */
    public ObservableStringValue caretPosition() {
        return editor.caretPosition();
    }

    public TemplateEditorView editor() {
        return editor;
    }
}
