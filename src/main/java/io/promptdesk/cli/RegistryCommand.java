package io.promptdesk.cli;

import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollout.EffectBoundaries;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.Reconciler;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutListener;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.Connections;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.RouterKind;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.remote.OsSecretStore;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.SqliteAuditLog;
import io.promptdesk.store.SqliteRegistryHistory;
import io.promptdesk.store.SqliteRegistryRepository;
import io.promptdesk.store.SqliteRolloutRepository;
import io.promptdesk.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/** {@code promptdesk registry}: the workspace's model registry. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Register template versions of a model (a deployment) and move its aliases.",
        subcommands = {RegistryRegisterCommand.class, RegistryAliasCommand.class, RegistryListCommand.class,
                RegistryShowCommand.class},
        footer = {"", "Exit codes: 0 done, 2 bad usage or input."})
public final class RegistryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every registry and rollout command takes. */
    public static final class WorkspaceOptions extends ConnectionOptions {
        @Option(names = "--workspace", paramLabel = "DIR",
                description = "Workspace folder holding promptdesk.db (default: the user's data directory).")
        Path workspace;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--actor", paramLabel = "NAME",
                description = "Who acts, as recorded in the history (default: the operating-system user).")
        String actor;

        /** The workspace file's connections, overridden by the environment, then by these options. */
        ConnectionSettings connections() {
            ConnectionSettings s = ConnectionsFile.withEnvironment(ConnectionsFile.read(directory()), System::getenv);
            if (prometheusUrl != null) {
                s = s.withPrometheus(s.prometheus() == null ? EndpointSettings.of(prometheusUrl)
                        : s.prometheus().withUrl(prometheusUrl));
            }
            if (mlflowUrl != null) {
                s = s.withMlflow(s.mlflow() == null ? EndpointSettings.of(mlflowUrl) : s.mlflow().withUrl(mlflowUrl));
            }
            if (router != null) {
                s = s.withRouter(RouterKind.of(router));
            }
            return s;
        }

        Path directory() {
            return workspace != null ? workspace : Workspace.defaultDirectory();
        }

        String actor() {
            return actor != null && !actor.isBlank() ? actor : Attribution.currentUser();
        }

        Attribution by(String reason) {
            return Attribution.of(actor(), reason);
        }
    }

    /** The workspace database and the services on it, for the length of one command. */
    static final class Services implements AutoCloseable {
        /** Outside a simulating process there are no per-request metrics: health checks are inconclusive. */
        static final MetricsSource NO_METRICS = (deployment, version, metric, from, to) -> new double[0];
        /** Traffic is routed by the process that simulates or serves it, which re-applies the stored state. */
        static final TrafficRouter NOT_ROUTED = (deployment, stable, canary, percent) -> {
        };

        final Database db;
        final ModelRegistry registry;
        final RolloutRepository rollouts;
        final Clock clock;
        final Connections connections;

        private Services(Database db, Clock clock, Connections connections) {
            this.db = db;
            this.clock = clock;
            this.connections = connections;
            this.registry = connections.registry(new EmbeddedModelRegistry(new SqliteRegistryRepository(db), clock),
                    new SqliteRegistryHistory(db));
            this.rollouts = new AuditingRolloutRepository(new SqliteRolloutRepository(db), new SqliteAuditLog(db));
        }

        /** True for a command that only reads: it needs no secret of a router and never creates anything. */
        boolean reading;

        static Services open(WorkspaceOptions options) {
            Clock clock = Clock.systemUTC();
            Connections connections = new Connections(options.connections(), System::getenv,
                    OsSecretStore.forThisPlatform(), clock);
            return new Services(Database.open(Workspace.databaseFile(options.directory())), clock, connections);
        }

        /**
         * For a command that only reads (status, lists, history, audit): the workspace must exist (a missing or empty
         * database is refused naming the path, and nothing is created), a read-only one is read as it is, and the
         * router is only named, never built, so its signing secret is not needed.
         */
        static Services openForReading(WorkspaceOptions options) {
            Clock clock = Clock.systemUTC();
            Connections connections = new Connections(options.connections(), System::getenv,
                    OsSecretStore.forThisPlatform(), clock);
            Services s = new Services(Database.openExisting(Workspace.databaseFile(options.directory()),
                    DatabaseOptions.defaults()), clock, connections);
            s.reading = true;
            return s;
        }

        /** Prometheus when one is set, else {@code fallback} (the simulator, or no metrics). */
        MetricsSource metrics(MetricsSource fallback) {
            return connections.prometheus().<MetricsSource>map(p -> p).orElse(fallback);
        }

        /** The router the connections choose; {@code embedded} when they choose the embedded one. */
        TrafficRouter router(TrafficRouter embedded, WorkspaceOptions options) {
            if (reading) {
                return connections.routerForReading(embedded);
            }
            return connections.router(embedded, registry, Attribution.of(options.actor(), "rollout traffic change"));
        }

        RolloutEnvironment environment(MetricsSource metrics, TrafficRouter router, RolloutListener listener) {
            return new RolloutEnvironment(rollouts, registry, metrics, new RegressionHealthComparator(), router, clock,
                    listener);
        }

        /**
         * A manager for a one-shot command: Prometheus metrics if set (a forced or gated advance runs a check),
         * and the chosen router; the embedded engine routes nothing in this process.
         */
        GradualRolloutManager manager(String deployment, WorkspaceOptions options) {
            GradualRolloutManager m = new GradualRolloutManager(deployment, environment(metrics(NO_METRICS),
                    router(NOT_ROUTED, options), null), RolloutSettings.defaults(options.actor()));
            // A command acts on the world as the store says it is: repair any drift first (a crash, a failed call).
            m.reconcile();
            return m;
        }

        /** A manager that only reads: nothing is reconciled, nothing written. */
        GradualRolloutManager reader(String deployment, WorkspaceOptions options) {
            return new GradualRolloutManager(deployment, environment(NO_METRICS, router(NOT_ROUTED, options), null),
                    RolloutSettings.defaults(options.actor()));
        }

        /** A reconciler on the workspace's registry and the router its connections choose. */
        Reconciler reconciler(WorkspaceOptions options) {
            return new Reconciler(rollouts, registry, router(NOT_ROUTED, options), clock, options.actor(),
                    EffectBoundaries.NONE);
        }

        @Override
        public void close() {
            try {
                connections.close();
            } finally {
                db.close();
            }
        }
    }
}
