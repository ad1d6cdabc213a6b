package io.promptdesk.ui;

import io.promptdesk.ui.connections.ConnectionsViewModel;
import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.pipeline.PipelineViewModel;
import io.promptdesk.ui.regression.RegressionViewModel;
import io.promptdesk.ui.regression.Verdict;
import io.promptdesk.engine.rollback.HealthSnapshot;
import io.promptdesk.app.history.HistoryRow;
import io.promptdesk.ui.history.HistoryView;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollback.FxRollbackConfirmer;
import io.promptdesk.ui.rollback.RollbackConfirmer;
import io.promptdesk.ui.rollback.RollbackViewModel;
import io.promptdesk.app.RolloutDemo;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * For the README: with {@code -Dpromptdesk.screenshot=PATH} the console saves its window as PNG once it is
 * ready and exits. {@code -Dpromptdesk.screenshot.workspace=regression} shows the Regression workspace with the
 * sample workspace's latency files loaded instead of the Author workspace after a test run;
 * {@code rollout} shows the Rollout workspace with demo rollouts (one half-way, one failed) seeded into an empty
 * workspace store; {@code connections} shows the Connections page after testing the engines the workspace's
 * {@code promptdesk.yaml} names;
 * workspace store; {@code rollback} rolls the live demo rollout back and shows the result with the post-rollback
 * health; {@code history} does the same and shows the History workspace.
 */
final class Screenshot {

    static final String PROPERTY = "promptdesk.screenshot";
    static final String WORKSPACE_PROPERTY = "promptdesk.screenshot.workspace";
    static final String REGRESSION = "regression";
    static final String ROLLOUT = "rollout";
    static final String CONNECTIONS = "connections";
    static final String PIPELINE = "pipeline";
    static final String ROLLBACK = "rollback";
    static final String HISTORY = "history";
    private static final Logger LOG = LoggerFactory.getLogger(Screenshot.class);

    private Screenshot() {
    }

    static Path requested() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** The workspace to show, or null for the Author workspace. */
    static String requestedWorkspace() {
        return System.getProperty(WORKSPACE_PROPERTY);
    }

    /** Opens the Regression workspace on the sample latency files and captures it once they are analysed. */
    static void regression(Scene scene, Path target, MainWindow window, RegressionViewModel vm, Path workspace) {
        window.showWorkspace("Regression");
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        vm.verdictProperty().addListener((obs, old, now) -> {
            if (now.status() != Verdict.Status.WAITING && taken.compareAndSet(false, true)) {
                // ChartFX draws its canvas on the pulse after the data changed: wait one more.
                Platform.runLater(() -> takeAfterLayout(scene, target));
            }
        });
        vm.baseline().loadFile(workspace.resolve("latency-baseline.csv"));
        vm.current().loadFile(workspace.resolve("latency-current.csv"));
    }

    /** Opens the Rollout workspace and captures it once a rollout (the live demo one) is shown with its health. */
    static void rollout(Scene scene, Path target, MainWindow window, RolloutViewModel vm) {
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        vm.statusProperty().addListener((obs, old, now) -> {
            if (now != null && taken.compareAndSet(false, true)) {
                // ChartFX draws its canvas on the pulse after the data changed: wait one more.
                Platform.runLater(() -> takeAfterLayout(scene, target));
            }
        });
        window.showWorkspace("Rollout");
    }

    /** Opens the Connections page, tests every remote engine it names and captures it once all have answered. */
    static void connections(Scene scene, Path target, MainWindow window, ConnectionsViewModel vm) {
        window.showWorkspace("Connections");
        java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable takeWhenDone = () -> {
            if (!vm.prometheusTest().busyProperty().get() && !vm.mlflowTest().busyProperty().get()
                    && taken.compareAndSet(false, true)) {
                takeAfterLayout(scene, target);
            }
        };
        vm.prometheusTest().busyProperty().addListener(x -> takeWhenDone.run());
        vm.mlflowTest().busyProperty().addListener(x -> takeWhenDone.run());
        vm.testAll();
        // Nothing remote to test: the page as it is.
        takeWhenDone.run();
    }

    /**
     * Opens the sample release-notes template and runs it through the Pipeline workspace twice: 1.0 becomes
     * production, then 1.1 passes the gate against it and starts its rollout; captured once the second run is done.
     */
    static void pipeline(Scene scene, Path target, MainWindow window, PipelineViewModel vm, AuthorViewModel author,
                         Path workspace) {
        author.openTemplate(workspace.resolve("release-notes.prompt"));
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        vm.busyProperty().addListener((obs, was, now) -> {
            if (was && !now && runs.incrementAndGet() == 1) {
                vm.versionProperty().set("1.1");
                vm.run();
            } else if (was && !now) {
                takeAfterLayout(scene, target);
            }
        });
        window.showWorkspace("Pipeline");
        vm.deploymentProperty().set("product-copy");
        vm.versionProperty().set("1.0");
        vm.run();
    }

    /** True when the requested screenshot needs the demo rollouts in the store. */
    static boolean seedsDemo() {
        String w = requestedWorkspace();
        return requested() != null && (ROLLOUT.equalsIgnoreCase(w) || ROLLBACK.equalsIgnoreCase(w)
                || HISTORY.equalsIgnoreCase(w));
    }

    /** The rollback confirmation: answered at once for the screenshots that roll back, else the real dialog. */
    static RollbackConfirmer confirmer(Supplier<Window> owner) {
        String w = requestedWorkspace();
        if (requested() != null && (ROLLBACK.equalsIgnoreCase(w) || HISTORY.equalsIgnoreCase(w))) {
            return (action, reason) -> Optional.of("p95 latency tripled on the canary");
        }
        return new FxRollbackConfirmer(owner);
    }

    /**
     * Rolls the live demo rollout back from the Rollback workspace (or, for {@code history}, shows the History
     * workspace afterwards) and captures it once the result and a few post-rollback health snapshots are shown.
     */
    static void rollback(Scene scene, Path target, MainWindow window, RollbackViewModel vm, HistoryViewModel history,
                         boolean showHistory) {
        AtomicBoolean taken = new AtomicBoolean();
        AtomicBoolean pressed = new AtomicBoolean();
        vm.canRollbackProperty().addListener((obs, was, can) -> {
            if (can && pressed.compareAndSet(false, true)) {
                vm.requestRollback();
            }
        });
        if (showHistory) {
            history.rows().addListener((javafx.collections.ListChangeListener<HistoryRow>) c -> {
                if (history.rows().stream().noneMatch(r -> r.kind().equals(HistoryRow.ROLLBACK))) {
                    return;
                }
                // The first time, build the History workspace: it reads the history again, and then it is shown.
                if (scene.lookup("#" + HistoryView.TABLE_ID) == null) {
                    window.showWorkspace("History");
                } else if (taken.compareAndSet(false, true)) {
                    // After the table has taken in the change (which clears its selection).
                    Platform.runLater(() -> {
                        ((TableView<?>) scene.lookup("#" + HistoryView.TABLE_ID)).getSelectionModel().select(0);
                        takeAfterLayout(scene, target);
                    });
                }
            });
        } else {
            vm.run().postHealth().addListener((javafx.collections.ListChangeListener<HealthSnapshot>) c -> {
                if (vm.run().postHealth().size() >= 3 && taken.compareAndSet(false, true)) {
                    // ChartFX draws its canvas on the pulse after the data changed: wait one more.
                    Platform.runLater(() -> takeAfterLayout(scene, target));
                }
            });
        }
        window.showWorkspace("Rollback");
        vm.selectModel(RolloutDemo.LIVE);
    }

    /** Saves the scene after the next layout pulse, then exits. */
    static void takeAfterLayout(Scene scene, Path target) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> save(scene, target));
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void save(Scene scene, Path target) {
        WritableImage image = scene.snapshot(null);
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
            LOG.info("screenshot saved to {}", target.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("cannot save the screenshot to {}: {}", target, e.getMessage());
        }
        Platform.exit();
    }
}
