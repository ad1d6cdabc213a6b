package io.promptdesk.app;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.Connections;
import io.promptdesk.connections.LiveEngines;
import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.pipeline.Pacer;
import io.promptdesk.engine.pipeline.PipelineEnvironment;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackEnvironment;
import io.promptdesk.engine.rollback.RollbackRepository;
import io.promptdesk.engine.rollback.RollbackSettings;
import io.promptdesk.engine.rollback.RollbackTimer;
import io.promptdesk.engine.rollback.RunnerLiveness;
import io.promptdesk.engine.rollout.EffectBoundaries;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.Reconciler;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutListener;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.RegistryHistory;
import io.promptdesk.remote.OsSecretStore;
import io.promptdesk.remote.SecretStore;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryHistory;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.StoreLocation;
import io.promptdesk.store.Workspace;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The composition root: the one place the engines are built, for a CLI command or for the console. Built once from
 * the workspace, its store (the embedded SQLite file or the PostgreSQL team store), its connections (metrics,
 * registry, router), a clock and the actor; it owns the store, the connections and the thread pools, and closes
 * them. Everything else - the console's view models, the CLI's commands - asks it for the services it needs.
 * <p>
 * JavaFX-free: the console adds its threads for the FX side, nothing more.
 */
public final class Engines implements AutoCloseable {
    /** Outside a simulating process there are no per-request metrics: health checks are inconclusive. */
    public static final MetricsSource NO_METRICS = (deployment, version, metric, from, to) -> new double[0];
    /** Traffic is routed by the process that simulates or serves it, which re-applies the stored state. */
    public static final TrafficRouter NOT_ROUTED = (deployment, stable, canary, percent) -> {
    };

    /**
     * What the engines are built from.
     *
     * @param workspace   the workspace folder (its promptdesk.yaml, and the embedded store's file)
     * @param store       where the records are: the embedded file, or a team store
     * @param connections metrics, registry and router
     * @param environment where secrets named by variable are read
     * @param secrets     where secrets named by store entry are read
     */
    public record Config(Path workspace, StoreSettings store, ConnectionSettings connections, Clock clock,
                         String actor, UnaryOperator<String> environment, SecretStore secrets,
                         DatabaseOptions databaseOptions) {
        public Config {
            Objects.requireNonNull(workspace, "workspace");
            store = store == null ? StoreSettings.embedded() : store;
            connections = connections == null ? ConnectionSettings.embedded() : connections;
            clock = clock == null ? Clock.systemUTC() : clock;
            actor = actor == null || actor.isBlank() ? Attribution.currentUser() : actor;
            environment = environment == null ? System::getenv : environment;
            secrets = secrets == null ? OsSecretStore.forThisPlatform() : secrets;
            databaseOptions = databaseOptions == null ? DatabaseOptions.defaults() : databaseOptions;
        }

        /** The workspace on its own settings: embedded everything unless its promptdesk.yaml says otherwise. */
        public static Config of(Path workspace) {
            return new Config(workspace, null, null, null, null, null, null, null);
        }

        public Config withStore(StoreSettings s) {
            return new Config(workspace, s, connections, clock, actor, environment, secrets, databaseOptions);
        }

        public Config withConnections(ConnectionSettings c) {
            return new Config(workspace, store, c, clock, actor, environment, secrets, databaseOptions);
        }

        public Config withClock(Clock c) {
            return new Config(workspace, store, connections, c, actor, environment, secrets, databaseOptions);
        }

        public Config withActor(String a) {
            return new Config(workspace, store, connections, clock, a, environment, secrets, databaseOptions);
        }

        /** Where secrets named by variable are read (tests; the environment otherwise). */
        public Config withEnvironment(UnaryOperator<String> env) {
            return new Config(workspace, store, connections, clock, actor, env, secrets, databaseOptions);
        }

        public Config withDatabaseOptions(DatabaseOptions o) {
            return new Config(workspace, store, connections, clock, actor, environment, secrets, o);
        }
    }

    private final Config config;
    private final Database db;
    private final boolean reading;
    private final Connections connections;
    private final AuditLog audit;
    private final RolloutRepository rollouts;
    private final RollbackRepository rollbackStore;
    private final EmbeddedModelRegistry embeddedRegistry;
    private final RegistryHistory registryHistory;
    private final ModelRegistry registry;
    private final List<ExecutorService> pools = new ArrayList<>();
    private final List<io.promptdesk.store.StoreWatcher> watchers = new ArrayList<>();
    private ExecutorService rollbackPool;
    private final Access access;

    private Engines(Config config, Database db, boolean reading) {
        this.config = config;
        this.db = db;
        this.reading = reading;
        this.connections = new Connections(config.connections(), config.environment(), config.secrets(),
                config.clock());
        this.audit = new JdbcAuditLog(db);
        this.rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
        this.rollbackStore = new JdbcRollbackRepository(db);
        this.embeddedRegistry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), config.clock());
        this.registryHistory = new JdbcRegistryHistory(db);
        this.registry = connections.registry(embeddedRegistry, registryHistory);
        this.access = new Access(new io.promptdesk.store.JdbcAccess(db, config.actor(), audit, config.clock()),
                config.clock());
    }

    /** For a command (or a desk) that acts: the store is opened, the embedded file created if need be. */
    public static Engines open(Config config) {
        return new Engines(config, Database.open(location(config), config.databaseOptions()), false);
    }

    /**
     * For a command that only reads (status, lists, history, audit): the store must exist (a missing or empty
     * workspace file is refused naming the path, and nothing is created), a read-only one is read as it is, and the
     * router is only named, never built, so its signing secret is not needed.
     */
    public static Engines openForReading(Config config) {
        return new Engines(config, Database.openExisting(location(config), config.databaseOptions()), true);
    }

    /** Where {@code config}'s store is, with the team store's password read now. */
    public static StoreLocation location(Config config) {
        StoreSettings s = config.store();
        if (!s.team()) {
            return StoreLocation.sqlite(Workspace.databaseFile(config.workspace()));
        }
        try {
            return StoreLocation.postgresql(s.url(), s.user(), () -> s.password(config.environment(),
                    config.secrets()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return config.clock();
    }

    /**
     * Who acts: on a team store the database login (the name a client might send is not used: the database records
     * its own {@code session_user}), on the embedded store the configured actor or the operating-system user.
     */
    public String actor() {
        return db.kind() == StoreLocation.Kind.POSTGRESQL ? access.identity().user() : config.actor();
    }

    /**
     * Who acts when a caller asks for {@code requested}: on a team store always the login (the database would refuse
     * another name), on the embedded store {@code requested} when given, else the configured actor.
     */
    public String actorOr(String requested) {
        return db.kind() == StoreLocation.Kind.POSTGRESQL || requested == null || requested.isBlank() ? actor()
                : requested;
    }

    /** The attribution of an action taken now by whoever acts here, with {@code reason}. */
    public io.promptdesk.registry.Attribution by(String reason) {
        return io.promptdesk.registry.Attribution.of(actor(), reason);
    }

    /** Who is acting, the roles they hold, and the check made before each guarded action. */
    public Access access() {
        return access;
    }

    /** True when built for a command that only reads. */
    public boolean reading() {
        return reading;
    }

    /** The store in use, as a person reads it: its kind and where it is (never a password). */
    public StoreInfo store() {
        return new StoreInfo(db.kind().key(), db.describe(), db.schemaVersion());
    }

    /** The store's kind, where it is and its schema version. */
    public record StoreInfo(String kind, String where, int schemaVersion) {
    }

    public ModelRegistry registry() {
        return registry;
    }

    public RolloutRepository rollouts() {
        return rollouts;
    }

    public AuditLog audit() {
        return audit;
    }

    public RollbackRepository rollbackStore() {
        return rollbackStore;
    }

    public Connections connections() {
        return connections;
    }

    /** Prometheus when one is set, else {@code fallback} (the simulator, or no metrics). */
    public MetricsSource metrics(MetricsSource fallback) {
        return connections.prometheus().<MetricsSource>map(p -> p).orElse(fallback);
    }

    /** The router the connections choose; {@code embedded} when they choose the embedded one. */
    public TrafficRouter router(TrafficRouter embedded) {
        if (reading) {
            return connections.routerForReading(embedded);
        }
        return connections.router(embedded, registry, Attribution.of(actor(), "rollout traffic change"));
    }

    public RolloutEnvironment environment(MetricsSource metrics, TrafficRouter router, RolloutListener listener) {
        return new RolloutEnvironment(rollouts, registry, metrics, new RegressionHealthComparator(), router, clock(),
                listener);
    }

    /**
     * A manager for a one-shot command: Prometheus metrics if set (a forced or gated advance runs a check), and the
     * chosen router; the embedded engine routes nothing in this process. The world is repaired to what the store
     * says before anything is done (a crash, a failed call).
     */
    public GradualRolloutManager manager(String deployment) {
        GradualRolloutManager m = new GradualRolloutManager(deployment, environment(metrics(NO_METRICS),
                router(NOT_ROUTED), null), RolloutSettings.defaults(actor()));
        m.reconcile();
        return m;
    }

    /**
     * A manager that drives a rollout ({@code rollout watch}): on {@code metrics} and {@code router}, reporting to
     * {@code listener}, with {@code settings} (a time scale, say).
     */
    public GradualRolloutManager driver(String deployment, MetricsSource metrics, TrafficRouter router,
                                        RolloutListener listener, RolloutSettings settings) {
        return new GradualRolloutManager(deployment, environment(metrics, router, listener), settings);
    }

    /** A manager that only reads: nothing is reconciled, nothing written. */
    public GradualRolloutManager reader(String deployment) {
        return new GradualRolloutManager(deployment, environment(NO_METRICS, router(NOT_ROUTED), null),
                RolloutSettings.defaults(actor()));
    }

    /** A reconciler on the registry and the router the connections choose. */
    public Reconciler reconciler() {
        return new Reconciler(rollouts, registry, router(NOT_ROUTED), clock(), actor(), EffectBoundaries.NONE);
    }

    /**
     * The rollback controller on {@code router} and {@code metrics}. Rollbacks run on a pool this object owns, so
     * the SLA watchdog can give up on a stuck step and the caller still returns.
     */
    public RollbackController rollbackController(TrafficRouter router, MetricsSource metrics) {
        return new RollbackController(new RollbackEnvironment(registry, rollouts, router, metrics, rollbackStore,
                audit, clock(), rollbackPool(), RollbackTimer.SYSTEM, RunnerLiveness.ofProcess()),
                RollbackSettings.defaults());
    }

    /** The rollback controller on the connections' router and metrics (none when reading). */
    public RollbackController rollbackController() {
        return rollbackController(router(NOT_ROUTED), reading ? NO_METRICS : metrics(NO_METRICS));
    }

    /** The pipeline's engines: tests, the regression gate, registration, the rollout, and rollbacks. */
    public PipelineEnvironment pipeline(PromptTestRunner runner, MetricsSource metrics, TrafficRouter router,
                                        RolloutSettings settings, Pacer pacer) {
        RolloutEnvironment rollouts = environment(metrics, router, null);
        return new PipelineEnvironment(runner, rollouts, settings, rollbackController(router, metrics), audit, clock(),
                pacer, deployment -> new GradualRolloutManager(deployment, rollouts, settings));
    }

    /**
     * The console's pipeline: tests, the regression gate, registration and the start of the rollout (no-wait). The
     * Rollout workspace's driver re-applies the rollout's routing and runs its health checks from there, so this
     * pipeline neither routes traffic nor reads metrics.
     */
    public PipelineEnvironment consolePipeline(PromptTestRunner runner) {
        return pipeline(runner, NO_METRICS, NOT_ROUTED, RolloutSettings.defaults(actor()), RollbackTimer.SYSTEM::pause);
    }

    /**
     * The console's live engines: the store's registry with the simulator's metrics and routing, switched to the
     * remote ones when the Connections page chooses them. The caller closes it (before this object).
     */
    public LiveEngines live(SimulatedService simulator) {
        return LiveEngines.choosing(new LiveEngines.Embedded(embeddedRegistry, registryHistory, simulator,
                simulator::route, config.environment(), config.secrets(), clock(),
                Attribution.of(actor(), "rollout traffic change")));
    }

    /** What a desk hears about its store; called on the watcher's thread. */
    public interface StoreListener {
        /** Another desk or process changed the store: read again. */
        void changed();

        /** The store answers again ({@code problem} null), or it does not (and why, naming it). */
        void reachability(boolean reachable, String problem);
    }

    /**
     * Starts watching the store for changes made elsewhere (another desk, a CI job, a CLI command at this desk)
     * and for whether it answers; stopped on {@link #close()}. A team store pushes its changes (LISTEN/NOTIFY); the
     * embedded one is polled every 250 ms.
     */
    public synchronized void watchStore(StoreListener listener) {
        watchers.add(io.promptdesk.store.StoreWatcher.start(db, new io.promptdesk.store.StoreWatcher.Listener() {
            @Override
            public void changed() {
                listener.changed();
            }

            @Override
            public void reachability(boolean reachable, String problem) {
                listener.reachability(reachable, problem);
            }
        }, java.time.Duration.ofMillis(250)));
    }

    /** A pool this object owns and shuts down on {@link #close()}. */
    public synchronized ExecutorService ownedPool(String name, int threads) {
        ExecutorService pool = threads <= 0 ? Executors.newCachedThreadPool(daemon(name))
                : Executors.newFixedThreadPool(threads, daemon(name));
        pools.add(pool);
        return pool;
    }

    /** A single-threaded scheduler this object owns and shuts down on {@link #close()} (the console's rollout ticks). */
    public synchronized java.util.concurrent.ScheduledExecutorService ownedScheduler(String name) {
        java.util.concurrent.ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(daemon(name));
        pools.add(s);
        return s;
    }

    private synchronized ExecutorService rollbackPool() {
        if (rollbackPool == null) {
            rollbackPool = ownedPool("promptdesk-rollback", 0);
        }
        return rollbackPool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The store itself, for the seeding and migration tools of this package. */
    Database database() {
        return db;
    }

    @Override
    public void close() {
        List<ExecutorService> owned;
        synchronized (this) {
            owned = List.copyOf(pools);
            watchers.forEach(io.promptdesk.store.StoreWatcher::close);
        }
        for (ExecutorService p : owned) {
            p.shutdownNow();
        }
        for (ExecutorService p : owned) {
            try {
                // A rollback step under way must finish (or give up) before its store closes.
                p.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            connections.close();
        } finally {
            db.close();
        }
    }
}
