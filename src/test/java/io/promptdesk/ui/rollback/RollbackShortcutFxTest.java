package io.promptdesk.ui.rollback;

import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.Theme;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
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
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Rollback workspace's emergency shortcut opens the same confirmation, where Enter cancels. */
@ExtendWith(ApplicationExtension.class)
class RollbackShortcutFxTest {
    @TempDir
    Path dir;
    private RollbackUiFixture f;
    private ExecutorService background;
    private Theme theme;

    @Start
    void start(Stage stage) {
        f = new RollbackUiFixture(dir).promoted("hooks");
        background = Executors.newSingleThreadExecutor();
        theme = new Theme();
        theme.apply();
        RollbackViewModel vm = new RollbackViewModel(new RollbackServices(f.controller,
                new FxBackgroundRunner(background), new FakeDialogService(), new FxRollbackConfirmer(() -> stage),
                new FxSlaTicker(), f.clock, Platform::runLater, RollbackUiFixture.ACTOR, f::models,
                Duration.ofSeconds(10), Duration.ofSeconds(5)));
        Scene scene = new Scene(new RollbackView(vm), 1200, 760);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        // The primary stage is shared by every TestFX test: its size follows this scene, not the last test's.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void theShortcutOpensTheConfirmationWithCancelFocusedAndEnterCancels(FxRobot robot) throws Exception {
        Button button = robot.lookup("#" + RollbackButton.BUTTON_ID).queryButton();
        awaitFx(() -> !button.isDisabled() && button.getText().equals("Roll back hooks 1.1 -> 1.0"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        Button cancel = robot.lookup("#" + FxRollbackConfirmer.CANCEL_ID).queryButton();
        awaitFx(cancel::isFocused);
        robot.type(KeyCode.ENTER);
        awaitFx(() -> robot.lookup("#" + FxRollbackConfirmer.CANCEL_ID).tryQuery().isEmpty());

        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(f.controller.getRollbackHistory("hooks", 10, false)).isEmpty();
        assertThat(button.isDisabled()).isFalse();
    }

    @Test
    void chartTextsFollowTheThemeLightOnDarkAndDarkOnLight(FxRobot robot) throws Exception {
        assertThat(brightestAxisText(robot)).as("light theme").isLessThan(0.6);
        WaitForAsyncUtils.asyncFx(() -> theme.darkProperty().set(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(brightestAxisText(robot)).as("dark theme").isGreaterThan(0.6);
        WaitForAsyncUtils.asyncFx(() -> theme.darkProperty().set(false)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(brightestAxisText(robot)).as("light again").isLessThan(0.6);
    }

    /** The brightness of the post-rollback chart's axis texts (ChartFX draws them as Text shapes). */
    private static double brightestAxisText(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            robot.lookup(".chart").queryAll().forEach(n -> n.applyCss());
            return robot.lookup(".chart .axis-label").queryAllAs(javafx.scene.text.Text.class).stream()
                    .map(t -> ((javafx.scene.paint.Color) t.getFill()).getBrightness())
                    .max(Double::compare).orElseThrow();
        }).get();
    }

    @Test
    void afterARollbackItsStepsAndResultAreShownWhole(FxRobot robot) throws Exception {
        Button button = robot.lookup("#" + RollbackButton.BUTTON_ID).queryButton();
        awaitFx(() -> !button.isDisabled());
        robot.clickOn(button);
        robot.clickOn("#" + FxRollbackConfirmer.REASON_ID).write(": error rate above 8 % on the canary since the "
                + "last stage, customers report failed replies");
        robot.clickOn("#" + FxRollbackConfirmer.CONFIRM_ID);
        Label outcome = robot.lookup("#" + RollbackButton.OUTCOME_ID).queryAs(Label.class);
        awaitFx(() -> outcome.getText().startsWith("success"));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.stage.Window w = robot.listWindows().get(0);
        // The stage is TestFX's primary stage, shared with the tests that run after this one: give its size back.
        double[] before = WaitForAsyncUtils.asyncFx(() -> new double[]{w.getWidth(), w.getHeight()}).get();
        try {
            for (int[] size : new int[][]{{1280, 720}, {1000, 700}}) {
                WaitForAsyncUtils.asyncFx(() -> {
                    w.setWidth(size[0]);
                    w.setHeight(size[1]);
                }).get();
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(WaitForAsyncUtils.asyncFx(() -> io.promptdesk.ui.Truncation.truncated(
                        w.getScene().getRoot(), "rollback at " + size[0] + "x" + size[1])).get()).isEmpty();
            }
        } finally {
            WaitForAsyncUtils.asyncFx(() -> {
                w.setWidth(before[0]);
                w.setHeight(before[1]);
            }).get();
        }
    }

    @Test
    void postRollbackHealthHasOneChartPerUnit(FxRobot robot) {
        io.fair_acc.chartfx.XYChart errors = robot.lookup("#" + PostHealthChart.ERRORS_ID)
                .queryAs(io.fair_acc.chartfx.XYChart.class);
        io.fair_acc.chartfx.XYChart latency = robot.lookup("#" + PostHealthChart.LATENCY_ID)
                .queryAs(io.fair_acc.chartfx.XYChart.class);
        assertThat(errors.getYAxis().getName()).isEqualTo("error rate");
        assertThat(errors.getYAxis().getUnit()).isEqualTo("%");
        assertThat(latency.getYAxis().getName()).isEqualTo("p95 latency");
        assertThat(latency.getYAxis().getUnit()).isEqualTo("s");
    }

    @Test
    void beforeTheFirstRollbackThePaneSaysWhatWillAppearThere(FxRobot robot) {
        javafx.scene.Node empty = robot.lookup("#" + RollbackView.EMPTY_ID).query();
        assertThat(empty.isVisible()).isTrue();
        assertThat(robot.lookup("#" + RollbackView.EMPTY_ID + " .label").queryAllAs(javafx.scene.control.Label.class))
                .extracting(javafx.scene.control.Label::getText)
                .anyMatch(t -> t.startsWith("No rollback in this session yet"))
                .anyMatch(t -> t.contains("press the rollback button"));
    }

    private static void awaitFx(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
