package io.promptdesk.ui;

import io.promptdesk.app.RunHistory;
import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.app.rollout.RolloutServices;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.template.Diagnostic;
import io.promptdesk.ui.author.AuthorServices;
import io.promptdesk.ui.author.AuthorView;
import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.ProblemsView;
import io.promptdesk.ui.author.RecentFiles;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.author.ResultRow;
import io.promptdesk.ui.author.ResultsView;
import io.promptdesk.ui.author.TemplateEditorView;
import io.promptdesk.ui.author.TemplateFiles;
import io.promptdesk.ui.author.TestRequestFactory;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.StyleClasses;
import io.promptdesk.ui.common.Theme;
import io.promptdesk.ui.connections.ConnectionsServices;
import io.promptdesk.ui.connections.ConnectionsView;
import io.promptdesk.ui.connections.ConnectionsViewModel;
import io.promptdesk.ui.connections.FakeChecks;
import io.promptdesk.ui.connections.RecordingEngines;
import io.promptdesk.ui.pipeline.PipelineViewModel;
import io.promptdesk.ui.pipeline.ScriptedLauncher;
import io.promptdesk.ui.regression.RegressionServices;
import io.promptdesk.ui.regression.RegressionViewModel;
import io.promptdesk.ui.rollback.FxSlaTicker;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real window on a headless toolkit: typing, highlighting, problems, and a test run. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    private Stage window;

    @TempDir
    Path workspace;
    private ExecutorService background;
    private Database db;

    @Start
    void start(Stage stage) throws IOException {
        Files.writeString(workspace.resolve("greeting.prompt"), "Write a {tone} greeting for {name}, please.");
        Files.writeString(workspace.resolve("greeting.cases.json"),
                "[{\"tone\": \"warm\", \"name\": \"Ada\"}, {\"tone\": \"formal\", \"name\": \"Grace\"},"
                        + " {\"tone\": \"playful\"}]");
        background = Executors.newSingleThreadExecutor();
        Theme theme = new Theme();
        theme.apply();
        AuthorViewModel vm = new AuthorViewModel(new AuthorServices(workspace, new PromptTestRunner(2),
                new FxBackgroundRunner(background), new FakeDialogService(), new TemplateFiles(),
                RecentFiles.forWorkspace(workspace), TestRequestFactory.defaults()));
        vm.start();
        RegressionViewModel regression = new RegressionViewModel(new RegressionServices(workspace,
                new FxBackgroundRunner(background), new FakeDialogService(),
                RunHistory.inMemory(Clock.systemUTC()), Runnable::run));
        db = Database.open(Workspace.databaseFile(workspace));
        java.time.Clock clock = java.time.Clock.systemUTC();
        ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        FakeDialogService dialogs = new FakeDialogService();
        FxBackgroundRunner runner = new FxBackgroundRunner(background);
        RolloutViewModel rollout = new RolloutViewModel(new RolloutConsole(new RolloutServices(
                new JdbcRolloutRepository(db), registry, new SimulatedService(clock, 1), clock, "ana")), runner,
                dialogs, java.time.ZoneOffset.UTC);
        RegisterVersionModel registration = new RegisterVersionModel(vm, registry, runner, dialogs, "ana");
        SimulatedService sim = new SimulatedService(clock, 1);
        JdbcAuditLog audit = new JdbcAuditLog(db);
        JdbcRolloutRepository rolloutStore = new JdbcRolloutRepository(db);
        io.promptdesk.engine.rollback.RollbackController controller = new io.promptdesk.engine.rollback
                .RollbackController(new io.promptdesk.engine.rollback.RollbackEnvironment(registry, rolloutStore,
                sim::route, sim, new io.promptdesk.store.JdbcRollbackRepository(db), audit, clock, background, null,
                null), io.promptdesk.engine.rollback.RollbackSettings.defaults());
        RollbackWiring rollbacks = RollbackWiring.create(new RollbackWiring.Parts(controller, registry,
                rolloutStore, audit, clock, runner, dialogs, (action, reason) -> Optional.empty(),
                new FxSlaTicker(), Platform::runLater, "ana", java.time.ZoneOffset.UTC, workspace,
                io.promptdesk.app.Permissions.everything("ana"), java.util.List::of));
        ConnectionsViewModel connections = new ConnectionsViewModel(new ConnectionsServices(workspace, k -> null,
                new FakeSecretStore(), FakeChecks.answering(), RecordingEngines.embedded(), runner, dialogs));
        Scene scene = new Scene(new MainWindow(vm, registration, regression, rollout, rollbacks.rollback(),
                rollbacks.history(),
                new PipelineViewModel(new ScriptedLauncher(), runner, dialogs, () -> null, t -> { }, Runnable::run),
                connections, theme, () -> { }), 1200, 800);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        // The primary stage is shared by every TestFX test: its size follows this scene, not the last test's.
        stage.sizeToScene();
        stage.show();
        window = stage;
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void aTypedSyntaxErrorIsUnderlinedAndListedAtItsPositionUntilFixed(FxRobot robot) {
        CodeArea area = robot.lookup("#" + TemplateEditorView.EDITOR_ID).queryAs(CodeArea.class);
        ListView<Diagnostic> problems = robot.lookup("#" + ProblemsView.LIST_ID).queryListView();
        robot.interact(() -> area.replaceText(""));
        robot.clickOn(area);

        robot.write("Dear {team");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.getText()).isEqualTo("Dear {team");
        assertThat(problems.getItems()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.column()).isEqualTo(6);
            assertThat(d.offset()).isEqualTo(5);
        });
        Label location = robot.lookup("." + StyleClasses.PROBLEM_LOCATION).queryAs(Label.class);
        assertThat(location.getText()).isEqualTo("Ln 1, Col 6");
        assertThat(area.getStyleOfChar(5)).contains(StyleClasses.SYNTAX_ERROR);
        assertThat(area.getStyleOfChar(4)).doesNotContain(StyleClasses.SYNTAX_ERROR);

        robot.write("}");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(problems.getItems()).isEmpty();
        assertThat(area.getStyleOfChar(5)).containsExactly(StyleClasses.PLACEHOLDER);
        assertThat(area.getStyleOfChar(10)).containsExactly(StyleClasses.PLACEHOLDER);
    }

    @Test
    void hoveringASyntaxErrorShowsItsMessageInAPopup(FxRobot robot) {
        CodeArea area = robot.lookup("#" + TemplateEditorView.EDITOR_ID).queryAs(CodeArea.class);
        robot.interact(() -> area.replaceText("Dear {team"));

        robot.interact(() -> area.fireEvent(MouseOverTextEvent.beginAt(new Point2D(40, 10), 5)));

        Label message = errorPopupLabel(robot);
        assertThat(message).isNotNull();
        assertThat(message.getText()).contains("never closed");

        robot.interact(() -> area.fireEvent(MouseOverTextEvent.end()));
        assertThat(errorPopupLabel(robot)).isNull();

        robot.interact(() -> area.fireEvent(MouseOverTextEvent.beginAt(new Point2D(10, 10), 1)));
        assertThat(errorPopupLabel(robot)).isNull();
    }

    @Test
    void ctrlEnterRunsTheTestsAndFillsTheResultsTable(FxRobot robot) throws Exception {
        robot.clickOn("#" + TemplateEditorView.EDITOR_ID);

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        TableView<ResultRow> results = awaitResults(robot, 3);

        assertThat(results.getItems()).extracting(ResultRow::passed).containsExactly(true, true, false);
        assertThat(results.getSelectionModel().getSelectedItem().caseIndex()).isEqualTo(2);
        assertThat(results.isVisible()).isTrue();
        CodeArea area = robot.lookup("#" + TemplateEditorView.EDITOR_ID).queryAs(CodeArea.class);
        assertThat(area.getText()).doesNotContain("\n");
    }

    @Test
    void theRunButtonRunsTheTests(FxRobot robot) throws Exception {
        robot.clickOn("#" + AuthorView.RUN_BUTTON_ID);
        TableView<ResultRow> results = awaitResults(robot, 3);

        assertThat(results.getItems()).filteredOn(r -> !r.passed()).singleElement()
                .satisfies(r -> assertThat(r.failedRules()).contains("template_variables"));
    }

    @Test
    void theStatusBarSaysWhichEnginesAreEmbeddedAndTheNavigatorOpensConnections(FxRobot robot) {
        Label engines = robot.lookup("#" + MainWindow.CONNECTION_STATUS_ID).queryAs(Label.class);
        assertThat(engines.getText()).isEqualTo("metrics: embedded · registry: embedded · router: embedded");

        robot.clickOn("#nav-connections");

        assertThat(robot.lookup("#" + ConnectionsView.SAVE_BUTTON_ID).tryQuery()).isPresent();
    }

    @Test
    void ctrlDigitsSwitchWorkspacesAndHelpListsEveryShortcut(FxRobot robot) {
        robot.clickOn("#" + TemplateEditorView.EDITOR_ID);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-rollout").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT7).release(KeyCode.DIGIT7, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + ConnectionsView.SAVE_BUTTON_ID).tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#nav-author").queryAs(javafx.scene.control.ToggleButton.class).isSelected())
                .isTrue();

        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        assertThat(bar.getMenus()).extracting(javafx.scene.control.Menu::getText).contains("View", "Help");
        java.util.List<String> shortcuts = MainMenu.shortcuts(bar);
        assertThat(shortcuts).anyMatch(l -> l.endsWith("View > Author")).anyMatch(l -> l.endsWith("View > Pipeline"))
                .anyMatch(l -> l.endsWith("Run > Run tests")).anyMatch(l -> l.endsWith("File > Save"));
        assertThat(shortcuts.stream().filter(l -> l.contains("View > "))).hasSize(7);
    }

    /**
     * No label, button or other labelled control shows its text cut off (JavaFX replaces the end with an ellipsis
     * when it does not fit) in any workspace, at the console's default size and at 1280x720: text must wrap, or the
     * layout must leave it room.
     */
    @Test
    void noTextIsCutOffInAnyWorkspace(FxRobot robot) throws Exception {
        java.util.List<String> cut = new java.util.ArrayList<>();
        // A template with problems, so the Problems list shows its (long) messages too.
        CodeArea area = robot.lookup("#" + TemplateEditorView.EDITOR_ID).queryAs(CodeArea.class);
        WaitForAsyncUtils.asyncFx(() -> area.replaceText("Write a {tone} greeting for {name and then a {} and {{ "
                + "and } and more text that goes on for a while")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#" + ProblemsView.LIST_ID)
                .queryListView().getItems().isEmpty());
        // The stage is TestFX's primary stage, shared with the tests that run after this one: give its size back.
        double[] before = WaitForAsyncUtils.asyncFx(() -> new double[]{window.getWidth(), window.getHeight()}).get();
        try {
            checkSizes(robot, cut);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                window.setWidth(before[0]);
                window.setHeight(before[1]);
            }).get();
        }
        assertThat(cut).as("texts cut off").isEmpty();
    }

    private void checkSizes(FxRobot robot, java.util.List<String> cut) throws Exception {
        for (int[] size : new int[][]{{1400, 900}, {1280, 720}}) {
            WaitForAsyncUtils.asyncFx(() -> {
                window.getScene().getRoot().resize(size[0], size[1]);
                window.setWidth(size[0]);
                window.setHeight(size[1]);
            }).get();
            for (String ws : java.util.List.of("author", "regression", "rollout", "rollback", "history", "pipeline",
                    "connections")) {
                robot.clickOn("#nav-" + ws);
                WaitForAsyncUtils.waitForFxEvents();
                cut.addAll(WaitForAsyncUtils.asyncFx(() -> Truncation.truncated(window.getScene().getRoot(),
                        ws + " at " + size[0] + "x" + size[1])).get());
            }
        }
    }

    /** The label of the showing error popup, or null. */
    private static Label errorPopupLabel(FxRobot robot) {
        return robot.listWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(w -> (Label) w.getScene().getRoot().lookup("." + StyleClasses.ERROR_POPUP))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** The results table, built when the finished run brings its tab to the front, once it holds n rows. */
    private static TableView<ResultRow> awaitResults(FxRobot robot, int n) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + ResultsView.TABLE_ID).tryQuery()
                .map(t -> ((TableView<?>) t).getItems().size() == n).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#" + ResultsView.TABLE_ID).queryTableView();
    }
}
