package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.Theme;
import io.promptdesk.app.history.HistoryRow;
import io.promptdesk.app.history.HistorySource;
import io.promptdesk.ui.history.HistoryView;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollout.LatestOnFx;
import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.ui.rollout.RolloutDriver;
import io.promptdesk.app.rollout.RolloutServices;
import io.promptdesk.ui.rollout.RolloutView;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollback button in the Rollout workspace, on a headless toolkit in simulated time: a rollout goes wrong,
 * the button rolls it back through the real confirmation dialog, and the History workspace lists it.
 */
@ExtendWith(ApplicationExtension.class)
class RollbackWorkspaceFxTest {
    @TempDir
    Path dir;
    private RollbackUiFixture f;
    private ExecutorService background;
    private RolloutViewModel rollout;
    private RolloutDriver driver;
    private HistoryViewModel history;

    @Start
    void start(Stage stage) {
        f = new RollbackUiFixture(dir);
        f.register("hooks", "1.0", VersionStatus.STABLE);
        f.register("hooks", "1.1", VersionStatus.CANDIDATE);
        RolloutConsole console = new RolloutConsole(new RolloutServices(f.rollouts, f.registry, f.sim, f.clock,
                RollbackUiFixture.ACTOR));
        console.setRate(200);
        background = Executors.newSingleThreadExecutor();
        new Theme().apply();
        FxBackgroundRunner runner = new FxBackgroundRunner(background);
        FakeDialogService dialogs = new FakeDialogService();
        rollout = new RolloutViewModel(console, runner, dialogs, ZoneOffset.UTC);
        driver = new RolloutDriver(console, new LatestOnFx<>(rollout::apply, Platform::runLater));
        RollbackViewModel rollback = new RollbackViewModel(new RollbackServices(f.controller, runner, dialogs,
                new FxRollbackConfirmer(() -> stage), new FxSlaTicker(), f.clock, Platform::runLater,
                RollbackUiFixture.ACTOR, f::models, Duration.ofSeconds(30), Duration.ofSeconds(5)));
        RolloutLink.follow(rollout, rollback);
        history = new HistoryViewModel(new HistorySource(f.controller, f.rollouts, f.audit, f::models), runner,
                dialogs, ZoneOffset.UTC, dir);
        rollback.run().resultProperty().addListener((obs, old, now) -> history.load());
        TabPane both = new TabPane(new Tab("Rollout", new RolloutView(rollout, new RollbackButton(rollback))),
                new Tab("History", new HistoryView(history)));
        Scene scene = new Scene(both, 1280, 800);
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
    void aFaultyRolloutIsRolledBackWithOneConfirmedClickWithinItsSlaAndListedInTheHistory(FxRobot robot)
            throws Exception {
        Button button = robot.lookup("#" + RollbackButton.BUTTON_ID).queryButton();
        robot.interact(() -> {
            rollout.start().stageSecondsProperty().set("60");
            rollout.start().intervalSecondsProperty().set("10");
        });
        Button start = robot.lookup("#rollout-start").queryButton();
        awaitFx(() -> !start.isDisabled());
        robot.clickOn(start);
        awaitFx(() -> rollout.statusProperty().get() == RolloutStatus.IN_PROGRESS);
        awaitFx(() -> button.getText().equals("Roll back hooks 1.1 -> 1.0") && !button.isDisabled());

        tick(Duration.ofSeconds(40));
        robot.clickOn("Simulator");
        Button fault = robot.lookup("#rollout-inject-fault").queryButton();
        awaitFx(() -> fault.isVisible() && !fault.isDisabled());
        robot.clickOn(fault);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> f.sim.profile("hooks", "1.1").errorRate() == 0.08);
        for (int i = 0; i < 60 && activeStatus() == RolloutStatus.IN_PROGRESS; i++) {
            tick(Duration.ofSeconds(5));
        }
        assertThat(activeStatus()).isEqualTo(RolloutStatus.PAUSED);
        awaitFx(() -> !button.isDisabled());

        robot.clickOn(button);
        Button confirm = robot.lookup("#" + FxRollbackConfirmer.CONFIRM_ID).queryButton();
        Button cancel = robot.lookup("#" + FxRollbackConfirmer.CANCEL_ID).queryButton();
        awaitFx(cancel::isFocused);
        assertThat(confirm.getText()).isEqualTo("Roll back hooks 1.1 -> 1.0");
        robot.clickOn("#" + FxRollbackConfirmer.REASON_ID).write(": canary errors at 8%");
        robot.clickOn(confirm);

        Label outcome = robot.lookup("#" + RollbackButton.OUTCOME_ID).queryAs(Label.class);
        awaitFx(() -> outcome.getText().startsWith("success sla_met "));
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(f.rollouts.latest("hooks").map(Rollout::status).orElseThrow()).isNotEqualTo(RolloutStatus.PAUSED);

        robot.clickOn("History");
        TableView<HistoryRow> table = robot.lookup("#" + HistoryView.TABLE_ID).queryAs(TableView.class);
        awaitFx(() -> table.getItems().stream().anyMatch(r -> r.kind().equals(HistoryRow.ROLLBACK)));
        HistoryRow row = table.getItems().stream().filter(r -> r.kind().equals(HistoryRow.ROLLBACK)).findFirst()
                .orElseThrow();
        assertThat(row.status()).isEqualTo("success");
        assertThat(row.slaMet()).isTrue();
        assertThat(row.reason()).isEqualTo("Performance regression detected: canary errors at 8%");
        assertThat(row.triggeredBy()).isEqualTo(RollbackUiFixture.ACTOR);
        Label audit = robot.lookup("#" + HistoryView.AUDIT_ID).queryAs(Label.class);
        assertThat(audit.getText()).startsWith("audit chain intact");
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

    private static void awaitFx(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
