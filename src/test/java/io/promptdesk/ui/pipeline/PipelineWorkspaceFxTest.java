package io.promptdesk.ui.pipeline;

import io.promptdesk.app.pipeline.PipelineInput;
import io.promptdesk.app.pipeline.WorkspacePipeline;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.Workspace;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Pipeline workspace on a headless toolkit, running the real engines on a background thread. */
@ExtendWith(ApplicationExtension.class)
class PipelineWorkspaceFxTest {
    @TempDir
    Path dir;
    private Database db;
    private io.promptdesk.app.Engines engines;
    private ExecutorService background;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        db = Database.open(Workspace.databaseFile(dir));
        ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), Clock.systemUTC());
        background = Executors.newSingleThreadExecutor();
        new Theme().apply();
        PipelineInput input = new PipelineInput("copy.prompt", PipelineViewModelTest.TEMPLATE,
                List.of(Map.of("product", "a lamp"), Map.of("product", "a kettle")));
        engines = io.promptdesk.app.Engines.open(io.promptdesk.app.Engines.Config.of(dir).withActor("ana"));
        PipelineViewModel vm = new PipelineViewModel(new WorkspacePipeline(engines.consolePipeline(
                new PromptTestRunner(1)), RunHistory.inMemory(Clock.systemUTC()), "ana"),
                new FxBackgroundRunner(background),
                new FakeDialogService(), () -> input, shown::add, Platform::runLater);
        Scene scene = new Scene(new PipelineView(vm), 1000, 640);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        // The primary stage is shared by every TestFX test: its size follows this scene, not the last test's.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        if (engines != null) {
            engines.close();
        }
        background.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void runningShowsEachStepAndLinksToTheRegressionWorkspace(FxRobot robot) throws Exception {
        Button run = robot.lookup("#" + PipelineView.RUN_BUTTON_ID).queryButton();
        assertThat(run.isDisabled()).isTrue();

        robot.clickOn("#pipeline-deployment").write("copy");
        robot.clickOn("#pipeline-version").write("1.0");
        awaitFx(() -> !run.isDisabled());
        robot.clickOn(run);

        Label status = robot.lookup("#" + PipelineView.STATUS_ID).queryAs(Label.class);
        awaitFx(() -> status.getText().startsWith("deployed: "));
        assertThat(robot.lookup("#pipeline-step-run_tests").queryAs(Label.class).getText()).isEqualTo("passed");
        assertThat(robot.lookup("#pipeline-step-rollout").queryAs(Label.class).getText()).isEqualTo("skipped");
        Hyperlink toRegression = robot.lookup("#" + PipelineView.REGRESSION_LINK_ID).queryAs(Hyperlink.class);
        assertThat(toRegression.isDisabled()).isFalse();
        assertThat(robot.lookup("#" + PipelineView.ROLLOUT_LINK_ID).queryAs(Hyperlink.class).isDisabled()).isTrue();

        robot.clickOn(toRegression);
        awaitFx(() -> !shown.isEmpty());
        assertThat(shown).containsExactly(PipelineViewModel.REGRESSION_WORKSPACE);
    }

    private static void awaitFx(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
