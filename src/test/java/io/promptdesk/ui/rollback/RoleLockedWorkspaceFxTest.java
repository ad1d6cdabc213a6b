package io.promptdesk.ui.rollback;

import io.promptdesk.app.Permissions;
import io.promptdesk.app.history.HistoryRow;
import io.promptdesk.app.history.HistorySource;
import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.app.rollout.RolloutServices;
import io.promptdesk.app.rollout.StartRequest;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.model.AccessDenial;
import io.promptdesk.model.AccessDenied;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Identity;
import io.promptdesk.model.Role;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.RoleLock;
import io.promptdesk.ui.common.Theme;
import io.promptdesk.ui.history.HistoryView;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollout.LatestOnFx;
import io.promptdesk.ui.rollout.RolloutDriver;
import io.promptdesk.ui.rollout.RolloutView;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console of a viewer on a team store: every action's button is disabled and its tooltip names the role it
 * needs; the rollback button stays visible and says who can use it; the desk watches a rollout without driving it;
 * a refused attempt is recorded and listed in History with the actor the store recorded.
 */
@ExtendWith(ApplicationExtension.class)
class RoleLockedWorkspaceFxTest {
    @TempDir
    Path dir;
    private RollbackUiFixture f;
    private ExecutorService background;
    private RolloutConsole viewerConsole;
    private RolloutDriver driver;
    private final Viewer viewer = new Viewer();
    private HistoryViewModel history;

    /** A viewer: reads everything, may do nothing; refusals are kept as a store would record them. */
    static final class Viewer implements Permissions {
        final List<AccessDenial> refused = new CopyOnWriteArrayList<>();
        private final Identity identity = new Identity("vera", EnumSet.of(Role.VIEWER), false,
                "postgresql://127.0.0.1/team");

        @Override
        public Identity identity() {
            return identity;
        }

        @Override
        public void require(GuardedAction action, String subject) {
            if (!identity.may(action)) {
                AccessDenied denied = new AccessDenied(identity.user(), action, subject);
                refused.add(0, new AccessDenial(refused.size() + 1, Instant.parse("2025-03-01T10:05:00Z"),
                        identity.user(), action.key(), subject, action.needs(), denied.getMessage()));
                throw denied;
            }
        }
    }

    @Start
    void start(Stage stage) {
        f = new RollbackUiFixture(dir);
        f.register("hooks", "1.0", VersionStatus.STABLE);
        f.register("hooks", "1.1", VersionStatus.CANDIDATE);
        // A releaser's desk started the rollout.
        new RolloutConsole(new RolloutServices(f.rollouts, f.registry, f.sim, f.clock, "rhea"))
                .start(new StartRequest("hooks", "1.1", RolloutPlan.of(null, null, null, null,
                        Duration.ofSeconds(60), Duration.ofSeconds(10), null), "ship it"));
        viewerConsole = new RolloutConsole(new RolloutServices(f.rollouts, f.registry, f.sim, f.sim, f.sim::route,
                f.clock, "vera", viewer));
        viewerConsole.setRate(200);
        background = Executors.newSingleThreadExecutor();
        new Theme().apply();
        FxBackgroundRunner runner = new FxBackgroundRunner(background);
        FakeDialogService dialogs = new FakeDialogService();
        RolloutViewModel rollout = new RolloutViewModel(viewerConsole, runner, dialogs, ZoneOffset.UTC);
        driver = new RolloutDriver(viewerConsole, new LatestOnFx<>(rollout::apply, Platform::runLater));
        RollbackViewModel rollback = new RollbackViewModel(new RollbackServices(f.controller, runner, dialogs,
                new FxRollbackConfirmer(() -> stage), new FxSlaTicker(), f.clock, Platform::runLater, "vera",
                f::models, Duration.ofSeconds(30), Duration.ofSeconds(5), viewer));
        RolloutLink.follow(rollout, rollback);
        history = new HistoryViewModel(new HistorySource(f.controller, f.rollouts, f.audit,
                f::models, () -> List.copyOf(viewer.refused)), runner, dialogs, ZoneOffset.UTC, dir);
        TabPane both = new TabPane(new Tab("Rollout", new RolloutView(rollout, new RollbackButton(rollback))),
                new Tab("History", new HistoryView(history)));
        Scene scene = new Scene(both, 1280, 800);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        rollout.load();
    }

    @AfterEach
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        f.close();
    }

    @Test
    void aViewersButtonsAreDisabledAndSayWhichRoleTheyNeed(FxRobot robot) throws Exception {
        tick(Duration.ofSeconds(10));
        for (String id : List.of("rollout-advance", "rollout-pause", "rollout-abort", "rollout-complete",
                "rollout-resume", "rollout-start")) {
            Button b = robot.lookup("#" + id).queryButton();
            assertThat(b.isDisabled()).as(id).isTrue();
            assertThat(b.getStyleClass()).as(id).contains(RoleLock.STYLE_CLASS);
            assertThat(b.getTooltip().getText()).as(id)
                    .isEqualTo("Needs the releaser role - you are vera (viewer); ask a PromptDesk admin");
            // A disabled button shows no tooltip: the pane around it does.
            Node pane = b.getParent();
            assertThat(pane.getProperties().values()).anyMatch(v -> v instanceof Tooltip t
                    && t.getText().startsWith("Needs the releaser role"));
        }
        Button rollback = robot.lookup("#" + RollbackButton.BUTTON_ID).queryButton();
        assertThat(rollback.isVisible()).isTrue();
        assertThat(rollback.isDisabled()).isTrue();
        Label who = robot.lookup("#" + RollbackButton.WHO_CAN_ID).queryAs(Label.class);
        assertThat(who.isVisible()).isTrue();
        assertThat(who.getText()).startsWith("Only oncall can roll back. Needs the oncall role - you are vera");
        // The shortcut does nothing either.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.B).release(KeyCode.B, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + FxRollbackConfirmer.CONFIRM_ID).tryQuery()).isEmpty();
        assertThat(f.production("hooks")).isEqualTo("1.0");
    }

    @Test
    void aViewersDeskWatchesWithoutDrivingAndARefusedAttemptIsListedInHistory(FxRobot robot) throws Exception {
        Rollout before = f.rollouts.active("hooks").orElseThrow();
        // Far past the first stage's end: a releaser's desk would have checked and advanced it.
        tick(Duration.ofSeconds(180));
        Rollout after = f.rollouts.active("hooks").orElseThrow();
        assertThat(after.currentStage()).isEqualTo(before.currentStage());
        assertThat(after.lastCheck()).isNull();
        assertThat(f.rollouts.events(after.rolloutId())).hasSize(1);

        // Going past the disabled button, straight to the console: refused, recorded, nothing changed.
        assertThatThrownBy(() -> viewerConsole.pause(after.rolloutId(), "lunch")).isInstanceOf(AccessDenied.class)
                .hasMessageContaining("vera may not pause a rollout (hooks): it needs the releaser role");
        assertThat(f.rollouts.active("hooks").orElseThrow().status()).isEqualTo(RolloutStatus.IN_PROGRESS);

        robot.clickOn("History");
        TableView<HistoryRow> table = robot.lookup("#" + HistoryView.TABLE_ID).queryAs(TableView.class);
        robot.interact(history::load);
        awaitFx(() -> table.getItems().stream().anyMatch(r -> r.kind().equals(HistoryRow.REFUSED)));
        HistoryRow refused = table.getItems().stream().filter(r -> r.kind().equals(HistoryRow.REFUSED))
                .findFirst().orElseThrow();
        assertThat(refused.triggeredBy()).isEqualTo("vera");
        assertThat(refused.model()).isEqualTo("hooks");
        assertThat(refused.status()).isEqualTo(HistoryRow.REFUSED);
        assertThat(refused.reason()).isEqualTo("pause rollout: needs releaser");
        HistoryRow started = table.getItems().stream().filter(r -> r.kind().equals(HistoryRow.ROLLOUT))
                .findFirst().orElseThrow();
        assertThat(started.triggeredBy()).isEqualTo("rhea");
    }

    /** Moves simulated time in 5-second steps, ticking the driver on this (non-FX) thread after each. */
    private void tick(Duration total) {
        for (Duration t = Duration.ZERO; t.compareTo(total) < 0; t = t.plusSeconds(5)) {
            f.clock.advance(Duration.ofSeconds(5));
            driver.tickOnce();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitFx(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () ->
                WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
    }
}
