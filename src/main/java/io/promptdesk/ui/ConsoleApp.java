package io.promptdesk.ui;

import io.promptdesk.app.RunHistory;
import io.promptdesk.app.ConsoleBoot;
import io.promptdesk.app.ProcessAge;
import io.promptdesk.connections.ConnectionTester;
import io.promptdesk.connections.Connections;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.LiveEngines;
import io.promptdesk.model.BadInputException;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.remote.OsSecretStore;
import io.promptdesk.remote.SecretStore;
import io.promptdesk.remote.Sleeper;
import io.promptdesk.store.Database;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRegistryHistory;
import io.promptdesk.store.SqliteRegistryRepository;
import io.promptdesk.store.SqliteRolloutRepository;
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
import io.promptdesk.ui.pipeline.PipelineSource;
import io.promptdesk.ui.pipeline.PipelineViewModel;
import io.promptdesk.ui.pipeline.WorkspacePipeline;
import io.promptdesk.ui.regression.RegressionServices;
import io.promptdesk.ui.regression.RegressionViewModel;
import io.promptdesk.ui.rollback.FxSlaTicker;
import io.promptdesk.ui.rollback.RolloutLink;
import io.promptdesk.ui.rollout.LatestOnFx;
import io.promptdesk.ui.rollout.RolloutConsole;
import io.promptdesk.ui.rollout.RolloutDemo;
import io.promptdesk.ui.rollout.RolloutDriver;
import io.promptdesk.ui.rollout.RolloutServices;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The console's composition root: builds the services and the window, and owns the background executor. */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    private ExecutorService background;
    /** Set once the window exists; the Pipeline view's links go through it. */
    private MainWindow window;
    /** Rollbacks and post-rollback health watches. */
    private ExecutorService rollbackTasks;
    /** Drives the rollouts and the simulator, off the FX thread. */
    private ScheduledExecutorService rolloutTicks;
    private RolloutDriver rolloutDriver;
    private Database database;
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
        database = boot.database();
        if (Screenshot.seedsDemo()) {
            RolloutDemo.seed(database, Instant.now(), Attribution.currentUser());
        }
        background = Executors.newFixedThreadPool(2, daemonThreads("promptdesk-background-"));
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
        SimulatedService simulator = new SimulatedService(Clock.systemUTC(), System.nanoTime());
        SecretStore secrets = OsSecretStore.forThisPlatform();
        engines = LiveEngines.choosing(new LiveEngines.Embedded(new EmbeddedModelRegistry(
                new SqliteRegistryRepository(database), Clock.systemUTC()), new SqliteRegistryHistory(database),
                simulator, simulator::route, System::getenv, secrets, Clock.systemUTC(),
                Attribution.of(Attribution.currentUser(), "rollout traffic change")));
        ModelRegistry registry = engines.registry();
        RegisterVersionModel registration = new RegisterVersionModel(author, registry, storeTasks, dialogs,
                Attribution.currentUser());
        SqliteAuditLog audit = new SqliteAuditLog(database);
        RolloutRepository rollouts = new AuditingRolloutRepository(new SqliteRolloutRepository(database), audit);
        RolloutViewModel rollout = rolloutWorkspace(registry, rollouts, simulator, storeTasks, dialogs);
        rollbackTasks = Executors.newCachedThreadPool(daemonThreads("promptdesk-rollback-"));
        RollbackWiring rollbacks = RollbackWiring.create(new RollbackWiring.Parts(database, registry, rollouts, audit,
                engines.router(), engines.metrics(), Clock.systemUTC(), rollbackTasks, storeTasks, dialogs,
                Screenshot.confirmer(() -> stage), new FxSlaTicker(), Platform::runLater,
                Attribution.currentUser(), ZoneId.systemDefault(), workspace));
        RolloutLink.follow(rollout, rollbacks.rollback());

        AtomicBoolean rollingBack = new AtomicBoolean();
        rollbacks.rollback().run().runningProperty().addListener((obs, was, now) -> rollingBack.set(now));
        ConnectionTester tester = new ConnectionTester(System::getenv, secrets, Connections.DEFAULT_BUDGET,
                Sleeper.REAL);
        EngineSwitch switcher = EngineSwitch.of(engines).refusingWhile(rollingBack::get, "a rollback is running: its "
                + "steps must all reach the engines it started on; save again once it has ended");
        ConnectionsViewModel connections = new ConnectionsViewModel(new ConnectionsServices(workspace, System::getenv,
                secrets, ConnectionChecks.using(tester), switcher, storeTasks, dialogs));
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

        PipelineViewModel pipeline = new PipelineViewModel(new WorkspacePipeline(database, registry,
                new PromptTestRunner(), history, Clock.systemUTC(), Attribution.currentUser()), storeTasks, dialogs,
                () -> PipelineSource.of(author), title -> window.showWorkspace(title), Platform::runLater);

        window = new MainWindow(author, registration, regression, rollout, rollbacks.rollback(), rollbacks.history(),
                pipeline, connections, theme, () -> {
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
        Clock clock = Clock.systemUTC();
        RolloutConsole console = new RolloutConsole(new RolloutServices(rollouts, registry, simulator,
                engines.metrics(), engines.router(), clock, Attribution.currentUser()));
        rolloutConsole = console;
        RolloutViewModel vm = new RolloutViewModel(console, runner, dialogs, ZoneId.systemDefault());
        rolloutTicks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "promptdesk-rollout-ticks");
            t.setDaemon(true);
            return t;
        });
        rolloutDriver = new RolloutDriver(console, new LatestOnFx<>(vm::apply, Platform::runLater));
        rolloutDriver.start(rolloutTicks, RolloutDriver.DEFAULT_PERIOD);
        return vm;
    }

    @Override
    public void stop() throws InterruptedException {
        if (rolloutDriver != null) {
            rolloutDriver.close();
        }
        if (rolloutTicks != null) {
            rolloutTicks.shutdownNow();
            // A tick under way must finish before its database closes.
            rolloutTicks.awaitTermination(2, TimeUnit.SECONDS);
        }
        if (rollbackTasks != null) {
            rollbackTasks.shutdownNow();
            rollbackTasks.awaitTermination(2, TimeUnit.SECONDS);
        }
        if (background != null) {
            background.shutdownNow();
            background.awaitTermination(2, TimeUnit.SECONDS);
        }
        if (engines != null) {
            engines.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
