package io.promptdesk.ui;

import io.promptdesk.app.ConsoleBoot;
import io.promptdesk.app.Engines;
import io.promptdesk.app.ProcessAge;
import io.promptdesk.app.RolloutDemo;
import io.promptdesk.app.RunHistory;
import io.promptdesk.app.pipeline.WorkspacePipeline;
import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.app.rollout.RolloutServices;
import io.promptdesk.connections.ConnectionTester;
import io.promptdesk.connections.Connections;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.LiveEngines;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.remote.SecretStore;
import io.promptdesk.remote.Sleeper;
import io.promptdesk.ui.author.AuthorServices;
import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.RecentFiles;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.author.TemplateFiles;
import io.promptdesk.ui.author.TestRequestFactory;
import io.promptdesk.ui.common.FxBackgroundRunner;
import io.promptdesk.ui.common.FxDebouncer;
import io.promptdesk.ui.common.FxDialogService;
import io.promptdesk.ui.common.Theme;
import io.promptdesk.ui.connections.ConnectionChecks;
import io.promptdesk.ui.connections.ConnectionsServices;
import io.promptdesk.ui.connections.ConnectionsViewModel;
import io.promptdesk.ui.connections.EngineSwitch;
import io.promptdesk.ui.connections.StoreSection;
import io.promptdesk.ui.pipeline.PipelineSource;
import io.promptdesk.ui.pipeline.PipelineViewModel;
import io.promptdesk.ui.regression.RegressionServices;
import io.promptdesk.ui.regression.RegressionViewModel;
import io.promptdesk.ui.rollback.FxSlaTicker;
import io.promptdesk.ui.rollback.RolloutLink;
import io.promptdesk.ui.rollout.LatestOnFx;
import io.promptdesk.ui.rollout.RolloutDriver;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** The console's composition root: builds the services and the window, and owns the background executor. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);
    /** Refused attempts the History workspace lists (the CLI's history --denials reaches further back). */
    private static final int HISTORY_DENIALS = 200;

    private ExecutorService background;
    /** Set once the window exists; the Pipeline view's links go through it. */
    private MainWindow window;
    /** Drives the rollouts and the simulator, off the FX thread. */
    private ScheduledExecutorService rolloutTicks;
    private RolloutDriver rolloutDriver;
    /** The composition root's engines on the workspace's store; closed on stop, last. */
    private Engines core;
    /** The registry, metrics and router: embedded, or remote as the connections choose; closed on stop. */
    private LiveEngines engines;
    private RolloutConsole rolloutConsole;

    @Override
    public void start(Stage stage) {
        Theme theme = new Theme();
        theme.darkProperty().set("dark".equalsIgnoreCase(System.getProperty(Theme.PROPERTY)));
        theme.apply();
        ConsoleBoot boot;
        try {
            boot = ConsoleLauncher.takeBoot().join();
        } catch (CompletionException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getCause().getMessage());
            alert.setHeaderText(e.getCause() instanceof ConsoleBoot.BootException b ? b.heading()
                    : "Cannot open the workspace");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        Path workspace = boot.workspace();
        core = boot.engines();
        if (Screenshot.seedsDemo() && core.access().may(io.promptdesk.model.GuardedAction.START_ROLLOUT)) {
            RolloutDemo.seed(core, Instant.now(), Attribution.currentUser());
        }
        background = core.ownedPool("promptdesk-background", 2);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        FxBackgroundRunner runner = new FxBackgroundRunner(background);
        RunHistory history = boot.history();
        AuthorViewModel author = new AuthorViewModel(new AuthorServices(workspace, new PromptTestRunner(),
                runner, dialogs, new TemplateFiles(), RecentFiles.forWorkspace(workspace),
                TestRequestFactory.forWorkspace(workspace), history));
        author.start();
        RegressionViewModel regression = new RegressionViewModel(new RegressionServices(workspace, runner, dialogs,
                history, new FxDebouncer(javafx.util.Duration.millis(120))));
        FxBackgroundRunner storeTasks = new FxBackgroundRunner(background);
        SimulatedService simulator = new SimulatedService(core.clock(), System.nanoTime());
        SecretStore secrets = core.config().secrets();
        engines = core.live(simulator);
        ModelRegistry registry = engines.registry();
        RegisterVersionModel registration = new RegisterVersionModel(author, registry, storeTasks, dialogs,
                core.actor(), core.access());
        RolloutRepository rollouts = core.rollouts();
        RolloutViewModel rollout = rolloutWorkspace(registry, rollouts, simulator, storeTasks, dialogs);
        RollbackWiring rollbacks = RollbackWiring.create(new RollbackWiring.Parts(
                core.rollbackController(engines.router(), engines.metrics()), registry, rollouts, core.audit(),
                core.clock(), storeTasks, dialogs, Screenshot.confirmer(() -> stage), new FxSlaTicker(),
                Platform::runLater, core.actor(), ZoneId.systemDefault(), workspace, core.access(),
                () -> core.access().denials(HISTORY_DENIALS)));
        RolloutLink.follow(rollout, rollbacks.rollback());

        AtomicBoolean rollingBack = new AtomicBoolean();
        rollbacks.rollback().run().runningProperty().addListener((obs, was, now) -> rollingBack.set(now));
        ConnectionTester tester = new ConnectionTester(System::getenv, secrets, Connections.DEFAULT_BUDGET,
                Sleeper.REAL);
        EngineSwitch switcher = EngineSwitch.of(engines).refusingWhile(rollingBack::get, "a rollback is running: its "
                + "steps must all reach the engines it started on; save again once it has ended");
        ConnectionsViewModel connections = new ConnectionsViewModel(new ConnectionsServices(workspace, System::getenv,
                secrets, ConnectionChecks.using(tester), switcher, storeTasks, dialogs));
        Engines.StoreInfo storeInfo = core.store();
        StoreSection store = new StoreSection(workspace, storeInfo.kind().equals("sqlite") ? "embedded, "
                + storeInfo.where() : storeInfo.where() + " as " + whoAndRoles(core.access().identity()),
                System::getenv, storeTasks, dialogs);
        // Store and connection settings are the admin's on a team store (every role's on the embedded store).
        String settingsLocked = core.access().whyNot(io.promptdesk.model.GuardedAction.CHANGE_SETTINGS);
        connections.lockSaving(settingsLocked);
        store.lockSaving(settingsLocked);
        // New engines: the rollouts re-apply their splits through them; the rollback pages re-read their models.
        engines.onChange(() -> {
            rolloutConsole.enginesChanged();
            Platform.runLater(() -> {
                connections.enginesChanged();
                rollbacks.rollback().load();
                rollbacks.history().load();
            });
        });
        // Off the FX thread: a secret may come from the OS secret store. Until the engines are chosen, the rollout
        // ticks and a rollback wait for them rather than act on engines nobody chose.
        background.execute(() -> {
            String problem = useWorkspaceConnections(workspace);
            if (problem != null) {
                Platform.runLater(() -> dialogs.showError("The workspace's connections cannot be used", problem
                        + "\nThe console runs on its embedded engines until they are fixed on the Connections page.",
                        null));
            }
        });

        PipelineViewModel pipeline = new PipelineViewModel(new WorkspacePipeline(
                core.consolePipeline(new PromptTestRunner()), history, core.actor(), core.access()), storeTasks,
                dialogs,
                () -> PipelineSource.of(author), title -> window.showWorkspace(title), Platform::runLater);

        // What another desk (or a CLI command here) changes shows within a second; a store that stops answering
        // is named in the status bar until it is back.
        AtomicBoolean reloadPending = new AtomicBoolean();
        core.watchStore(new Engines.StoreListener() {
            @Override
            public void changed() {
                rolloutConsole.refresh();
                if (reloadPending.compareAndSet(false, true)) {
                    Platform.runLater(() -> {
                        reloadPending.set(false);
                        rollbacks.rollback().load();
                        rollbacks.history().load();
                    });
                }
            }

            @Override
            public void reachability(boolean reachable, String problem) {
                Platform.runLater(() -> store.reachability(reachable, problem));
            }
        });

        window = new MainWindow(author, registration, regression, rollout, rollbacks.rollback(), rollbacks.history(),
                pipeline, connections, store, theme, () -> {
            if (author.confirmLeave()) {
                Platform.exit();
            }
        });
        Scene scene = new Scene(window, 1400, 900);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.concat(author.titleProperty(), " - PromptDesk"));
        stage.setOnCloseRequest(e -> {
            if (!author.confirmLeave()) {
                e.consume();
            }
        });
        stage.show();
        LOG.info("console on screen {} ms after the process started, {} ms CPU (workspace {})", ProcessAge.millis(),
                ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L),
                workspace);

        Path shot = Screenshot.requested();
        if (shot != null && Screenshot.REGRESSION.equalsIgnoreCase(Screenshot.requestedWorkspace())) {
            Screenshot.regression(scene, shot, window, regression, workspace);
        } else if (shot != null && Screenshot.ROLLOUT.equalsIgnoreCase(Screenshot.requestedWorkspace())) {
            Screenshot.rollout(scene, shot, window, rollout);
        } else if (shot != null && Screenshot.CONNECTIONS.equalsIgnoreCase(Screenshot.requestedWorkspace())) {
            Screenshot.connections(scene, shot, window, connections);
        } else if (shot != null && Screenshot.PIPELINE.equalsIgnoreCase(Screenshot.requestedWorkspace())) {
            Screenshot.pipeline(scene, shot, window, pipeline, author, workspace);
        } else if (shot != null && (Screenshot.ROLLBACK.equalsIgnoreCase(Screenshot.requestedWorkspace())
                || Screenshot.HISTORY.equalsIgnoreCase(Screenshot.requestedWorkspace()))) {
            Screenshot.rollback(scene, shot, window, rollbacks.rollback(), rollbacks.history(),
                    Screenshot.HISTORY.equalsIgnoreCase(Screenshot.requestedWorkspace()));
        } else if (shot != null) {
            // Show a finished run in the screenshot: capture once the tests are done.
            author.run().runningProperty().addListener((obs, was, now) -> {
                if (was && !now) {
                    Screenshot.takeAfterLayout(scene, shot);
                }
            });
            author.runTests();
        }
    }

    /** "ana (releaser, oncall)": who the team store sees at this desk, for the status bar. */
    private static String whoAndRoles(io.promptdesk.model.Identity me) {
        String roles = java.util.Arrays.stream(io.promptdesk.model.Role.values()).filter(me::holds)
                .map(io.promptdesk.model.Role::key).collect(java.util.stream.Collectors.joining(", "));
        return me.user() + " (" + (roles.isEmpty() ? "no role" : roles) + ")";
    }

    /**
     * Uses the engines the workspace file and the environment name.
     *
     * @return why they cannot be used (the embedded engines serve instead), or null
     */
    private String useWorkspaceConnections(Path workspace) {
        try {
            engines.use(ConnectionsFile.withEnvironment(ConnectionsFile.read(workspace), System::getenv));
            return null;
        } catch (RuntimeException e) {
            // Whatever went wrong, the engines must be chosen: everything that uses them waits for that.
            LOG.warn("the workspace's connections cannot be used: {}", e.getMessage());
            engines.useEmbedded();
            return e instanceof BadInputException ? e.getMessage() : "the connections could not be read: " + e;
        }
    }

    /** The Rollout workspace's engines, driven every tick on {@link #rolloutTicks}. */
    private RolloutViewModel rolloutWorkspace(ModelRegistry registry, RolloutRepository rollouts,
                                              SimulatedService simulator, FxBackgroundRunner runner,
                                              FxDialogService dialogs) {
        RolloutConsole console = new RolloutConsole(new RolloutServices(rollouts, registry, simulator,
                engines.metrics(), engines.router(), core.clock(), core.actor(), core.access()));
        rolloutConsole = console;
        RolloutViewModel vm = new RolloutViewModel(console, runner, dialogs, ZoneId.systemDefault());
        rolloutTicks = core.ownedScheduler("promptdesk-rollout-ticks");
        rolloutDriver = new RolloutDriver(console, new LatestOnFx<>(vm::apply, Platform::runLater));
        rolloutDriver.start(rolloutTicks, RolloutDriver.DEFAULT_PERIOD);
        return vm;
    }

    @Override
    public void stop() {
        if (rolloutDriver != null) {
            rolloutDriver.close();
        }
        if (engines != null) {
            engines.close();
        }
        if (core != null) {
            // Its pools first - a tick or a rollback step under way finishes before the store closes - then the store.
            core.close();
        }
    }
}
