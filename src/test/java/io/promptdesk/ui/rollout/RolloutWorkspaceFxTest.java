package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutWorkspaceFixture;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.Theme;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
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
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rollout workspace on a headless toolkit, in simulated time: the test moves the clock and ticks the driver
 * itself, off the FX thread as the console's scheduler would, then waits for the FX thread to catch up.
 */
@ExtendWith(ApplicationExtension.class)
class RolloutWorkspaceFxTest {
    @TempDir
    Path dir;
    private RolloutWorkspaceFixture f;
    private ExecutorService background;
    private RolloutViewModel vm;
    private RolloutDriver driver;

    @Start
    void start(Stage stage) {
        f = new RolloutWorkspaceFixture(dir).deployment("hooks");
        background = Executors.newSingleThreadExecutor();
        new Theme().apply();
        vm = new RolloutViewModel(f.console, new FxBackgroundRunner(background), new FakeDialogService(),
                ZoneOffset.UTC);
        driver = new RolloutDriver(f.console, new LatestOnFx<>(vm::apply, Platform::runLater));
        Scene scene = new Scene(new RolloutView(vm), 1280, 800);
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
    void aFaultInjectedMidRolloutPausesItAndTheFailingMetricIsNamed(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.start().stageSecondsProperty().set("60");
            vm.start().intervalSecondsProperty().set("10");
        });
        Button start = robot.lookup("#" + StartFormView.START_BUTTON_ID).queryButton();
        awaitFx(() -> !start.isDisabled());

        robot.clickOn(start);
        awaitFx(() -> vm.statusProperty().get() == RolloutStatus.IN_PROGRESS);
        Label status = robot.lookup("#" + RolloutView.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("in progress at 10%");
        assertThat(robot.lookup("#" + EventsView.TABLE_ID).queryTableView().getItems()).hasSize(1);

        tick(Duration.ofSeconds(40));
        robot.clickOn("Simulator");
        Button fault = robot.lookup("#" + SimulatorView.FAULT_BUTTON_ID).queryButton();
        awaitFx(() -> fault.isVisible() && !fault.isDisabled());
        robot.clickOn(fault);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> f.sim.profile("hooks", "1.1").errorRate() == 0.08);

        for (int i = 0; i < 60 && activeStatus() == RolloutStatus.IN_PROGRESS; i++) {
            tick(Duration.ofSeconds(5));
        }
        assertThat(activeStatus()).isEqualTo(RolloutStatus.PAUSED);
        awaitFx(() -> vm.statusProperty().get() == RolloutStatus.PAUSED);

        assertThat(status.getText()).isEqualTo("paused at 10%");
        assertThat(status.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("paused"));
        Label lastCheck = robot.lookup("#" + HealthChartsView.LAST_CHECK_ID).queryAs(Label.class);
        assertThat(lastCheck.getText()).contains(": unhealthy - ").contains("latency_p95: increased");
        Label latency = robot.lookup("#health-latency_p95 .health-verdict").queryAs(Label.class);
        assertThat(latency.getText()).startsWith("unhealthy: increased: canary");
        List<Node> markers = List.copyOf(robot.lookup("#" + RolloutView.TIMELINE_ID + " ."
                + StageTimelineSkin.MARKER).queryAll());
        assertThat(markers).hasSize(4);
        assertThat(markers.get(0).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("paused"));
        assertThat(markers.get(1).getPseudoClassStates()).contains(PseudoClass.getPseudoClass("pending"));
        assertThat(robot.lookup("#" + RolloutActionsBar.RESUME_ID).queryButton().isDisabled()).isFalse();
        assertThat(robot.lookup("#" + RolloutActionsBar.PAUSE_ID).queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#" + RolloutActionsBar.ADVANCE_ID).queryButton().isDisabled()).isTrue();
    }

    /** Moves simulated time in 5-second steps, ticking the driver on this (non-FX) thread after each. */
    private void tick(Duration total) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plusSeconds(5)) {
            f.clock.advance(Duration.ofSeconds(5));
            driver.tickOnce();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private RolloutStatus activeStatus() {
        return f.rollouts.latest("hooks").map(Rollout::status).orElse(null);
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    private static void awaitFx(BooleanSupplier condition) throws Exception {
        // A bound, not a pace: on a loaded 2-core CI machine the first start of a rollout (store, registry, audit
        // key and checkpoint) has taken over 5 s; it returns as soon as the condition holds.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
