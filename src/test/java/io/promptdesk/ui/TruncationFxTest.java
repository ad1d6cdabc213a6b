package io.promptdesk.ui;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.template.Diagnostic;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.ui.author.AuthorServices;
import io.promptdesk.ui.author.AuthorView;
import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.author.ProblemsView;
import io.promptdesk.ui.author.RecentFiles;
import io.promptdesk.ui.author.ResultRow;
import io.promptdesk.ui.author.TemplateEditorView;
import io.promptdesk.ui.author.TemplateFiles;
import io.promptdesk.ui.author.TestRequestFactory;
import io.promptdesk.ui.author.ResultsView;
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
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.store.Database;
import io.promptdesk.store.SqliteRegistryRepository;
import io.promptdesk.store.SqliteRolloutRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.ui.rollback.FxSlaTicker;
import io.promptdesk.ui.rollout.RolloutConsole;
import io.promptdesk.ui.rollout.RolloutServices;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.geometry.Point2D;
import javafx.application.Platform;
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
public class TruncationFxTest {
    private final int width = 1400;
    private final int height = 900;
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
        ModelRegistry registry = new EmbeddedModelRegistry(new SqliteRegistryRepository(db), clock);
        FakeDialogService dialogs = new FakeDialogService();
        FxBackgroundRunner runner = new FxBackgroundRunner(background);
        RolloutViewModel rollout = new RolloutViewModel(new RolloutConsole(new RolloutServices(
                new SqliteRolloutRepository(db), registry, new SimulatedService(clock, 1), clock, "ana")), runner,
                dialogs, java.time.ZoneOffset.UTC);
        RegisterVersionModel registration = new RegisterVersionModel(vm, registry, runner, dialogs, "ana");
        SimulatedService sim = new SimulatedService(clock, 1);
        SqliteAuditLog audit = new SqliteAuditLog(db);
        RollbackWiring rollbacks = RollbackWiring.create(new RollbackWiring.Parts(db, registry,
                new SqliteRolloutRepository(db), audit, sim::route, sim, clock, background, runner, dialogs,
                (action, reason) -> Optional.empty(), new FxSlaTicker(), Platform::runLater, "ana",
                java.time.ZoneOffset.UTC, workspace));
        ConnectionsViewModel connections = new ConnectionsViewModel(new ConnectionsServices(workspace, k -> null,
                new FakeSecretStore(), FakeChecks.answering(), RecordingEngines.embedded(), runner, dialogs));
        Scene scene = new Scene(new MainWindow(vm, registration, regression, rollout, rollbacks.rollback(),
                rollbacks.history(),
                new PipelineViewModel(new ScriptedLauncher(), runner, dialogs, () -> null, t -> { }, Runnable::run),
                connections, theme, () -> { }), width, height);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        stage.show();
        window = stage;
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
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
                cut.addAll(WaitForAsyncUtils.asyncFx(() -> truncated(window.getScene().getRoot(),
                        ws + " at " + size[0] + "x" + size[1])).get());
            }
        }
        assertThat(cut).as("texts cut off").isEmpty();
    }

    public static java.util.List<String> truncated(javafx.scene.Parent root, String workspace) {
        root.applyCss();
        root.layout();
        java.util.List<String> out = new java.util.ArrayList<>();
        visit(root, workspace, out);
        return out;
    }

    private static void visit(javafx.scene.Node n, String workspace, java.util.List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (javafx.scene.Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof javafx.scene.text.Text t && !l.getText().equals(t.getText())
                        && (t.getText().endsWith("...") || t.getText().endsWith("\u2026"))) {
                    out.add(workspace + ": " + l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId())
                            + " '" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                visit(c, workspace, out);
            }
        }
    }
}
