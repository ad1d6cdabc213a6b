package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.dataset.DataSet;
import io.promptdesk.app.RunHistory;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.StyleClasses;
import io.promptdesk.ui.common.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Regression workspace on a headless toolkit: two sample files chosen, the verdict and charts shown. */
@ExtendWith(ApplicationExtension.class)
class RegressionWorkspaceFxTest {

    @TempDir
    Path workspace;
    private ExecutorService background;
    private final FakeDialogService dialogs = new FakeDialogService();

    @Start
    void start(Stage stage) {
        background = Executors.newSingleThreadExecutor();
        new Theme().apply();
        RegressionViewModel vm = new RegressionViewModel(new RegressionServices(workspace,
                new FxBackgroundRunner(background), dialogs, RunHistory.inMemory(RegressionFixture.CLOCK),
                Runnable::run));
        Scene scene = new Scene(new RegressionView(vm), 1200, 800);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        // The primary stage is shared by every TestFX test: its size follows this scene, not the last test's.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void choosingTheTwoSampleFilesShowsTheRegressionAndItsCharts(FxRobot robot) throws Exception {
        Label headline = robot.lookup("#" + VerdictView.HEADLINE_ID).queryAs(Label.class);
        assertThat(headline.getText()).isEqualTo("Choose a baseline and a current sample");
        Button export = robot.lookup("#" + RegressionView.EXPORT_REPORT_ID).queryButton();
        assertThat(export.isDisabled()).isTrue();

        dialogs.fileAnswers.add(RegressionFixture.sample("latency-baseline.csv"));
        robot.clickOn("#baseline-open");
        dialogs.fileAnswers.add(RegressionFixture.sample("latency-current.csv"));
        robot.clickOn("#current-open");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> headline.getText().equals("Regression detected"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(headline.getStyleClass()).contains(StyleClasses.VERDICT_REGRESSION);
        assertThat(robot.lookup("#verdict-recommendation").queryAs(Label.class).getText())
                .startsWith("Regression: latency_ms rose from");
        assertThat(robot.lookup("#baseline-source").queryAs(Label.class).getText())
                .isEqualTo("latency-baseline.csv, column latency_ms \u2014 400 values");
        assertThat(export.isDisabled()).isFalse();
        XYChart distributions = robot.lookup("#chart-distributions .chart").queryAs(XYChart.class);
        assertThat(distributions.getAllDatasets()).extracting(DataSet::getDataCount).allMatch(n -> n > 0);
        XYChart trend = robot.lookup("#chart-trend .chart").queryAs(XYChart.class);
        assertThat(trend.getAllDatasets()).extracting(DataSet::getDataCount).contains(400, 360);
    }
}
