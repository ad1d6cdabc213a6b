package io.promptdesk.connections;

import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Observation;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.metrics.Metric;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.RegistryHistory;
import io.promptdesk.remote.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The engines a long-running process (the console) uses, as its connections choose them, switchable while it runs.
 * {@link #registry()}, {@link #metrics()} and {@link #router()} are built once and always call the engines in use,
 * so the rollout and rollback engines wired at start follow a change of connections. A change is built completely
 * before it replaces the engines in use: settings that cannot be used leave the previous engines in place.
 */
public final class LiveEngines implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEngines.class);

    /**
     * The embedded engines, and what the remote ones are built with.
     *
     * @param environment where secrets named by variable are read
     * @param secrets     where secrets named by OS secret store entry are read
     */
    public record Embedded(ModelRegistry registry, RegistryHistory history, MetricsSource metrics,
                           TrafficRouter router, UnaryOperator<String> environment, SecretStore secrets, Clock clock,
                           Attribution routerActor) {
        public Embedded {
            Objects.requireNonNull(registry, "registry");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(secrets, "secrets");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(routerActor, "routerActor");
        }
    }

    private record InUse(ConnectionSettings settings, Connections connections, ModelRegistry registry,
                         MetricsSource metrics, TrafficRouter router) {
    }

    private final Embedded embedded;
    private final ModelRegistry registry = new SwitchingRegistry(() -> inUse().registry());
    private final MetricsSource metrics = new MetricsSource() {
        @Override
        public double[] samples(String deployment, String version, Metric metric, Instant from, Instant to) {
            return inUse().metrics().samples(deployment, version, metric, from, to);
        }

        @Override
        public Observation observe(String deployment, String version, Metric metric, Instant from, Instant to) {
            return inUse().metrics().observe(deployment, version, metric, from, to);
        }
    };
    private final TrafficRouter router = new TrafficRouter() {
        @Override
        public void route(String deployment, String stable, String canary, int percent) {
            inUse().router().route(deployment, stable, canary, percent);
        }

        @Override
        public void route(TrafficSplit split, String deployment, String idempotencyKey) {
            inUse().router().route(split, deployment, idempotencyKey);
        }

        @Override
        public String target() {
            return inUse().router().target();
        }

        @Override
        public Optional<TrafficSplit> current(String deployment) {
            return inUse().router().current(deployment);
        }
    };
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Completed by the first choice of engines; until then calls through the facades wait for it. */
    private final CompletableFuture<Void> chosen = new CompletableFuture<>();
    private volatile InUse inUse;

    /** The embedded engines in use until {@link #use} chooses others. */
    public LiveEngines(Embedded embedded) {
        this(embedded, true);
    }

    private LiveEngines(Embedded embedded, boolean embeddedNow) {
        this.embedded = embedded;
        if (embeddedNow) {
            this.inUse = embeddedInUse();
            chosen.complete(null);
        }
    }

    /**
     * Engines not chosen yet: the first {@link #use} or {@link #useEmbedded} chooses them, off the FX thread (a
     * secret may be read from the OS store), and calls through {@link #registry()}, {@link #metrics()} and
     * {@link #router()} made meanwhile wait for that - no rollout tick or rollback runs on engines the person did not
     * choose.
     */
    public static LiveEngines choosing(Embedded embedded) {
        return new LiveEngines(embedded, false);
    }

    private InUse embeddedInUse() {
        return new InUse(ConnectionSettings.embedded(), null, embedded.registry(), embedded.metrics(),
                embedded.router());
    }

    /** Uses the embedded engines from now on, e.g. when the workspace's settings cannot be used. */
    public synchronized void useEmbedded() {
        swap(embeddedInUse());
    }

    /**
     * Uses the engines {@code effective} names (the workspace's settings with the environment's overrides) from now
     * on, and tells the listeners. No engine is contacted (a remote one that does not answer fails its calls), but
     * secrets named by store entry are read from the OS secret store now: call it off the FX thread.
     *
     * @throws BadInputException when the settings cannot be used (a router without its URL, a secret's variable
     *                           unset or its store entry missing); the engines in use stay
     */
    public synchronized void use(ConnectionSettings effective) {
        Connections next = new Connections(effective, embedded.environment(), embedded.secrets(),
                embedded.clock());
        InUse built;
        try {
            // Build every engine now, so a setting that cannot work fails here and not in the middle of a rollout.
            MetricsSource m = next.prometheus().<MetricsSource>map(p -> p).orElse(embedded.metrics());
            ModelRegistry r = next.registry(embedded.registry(), embedded.history());
            TrafficRouter t = next.router(embedded.router(), r, embedded.routerActor());
            built = new InUse(effective, next, r, m, t);
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        swap(built);
    }

    private void swap(InUse next) {
        InUse old = inUse;
        inUse = next;
        chosen.complete(null);
        LOG.info("engines in use: {}", describe(next.settings()));
        if (old != null && old.connections() != null) {
            old.connections().close();
        }
        listeners.forEach(Runnable::run);
    }

    /** The settings of the engines in use; empty while they are being chosen. Never waits. */
    public Optional<ConnectionSettings> chosenSettings() {
        InUse now = inUse;
        return now == null ? Optional.empty() : Optional.of(now.settings());
    }

    /** The settings of the engines in use, waiting for the first choice. */
    public ConnectionSettings settings() {
        return inUse().settings();
    }

    public ModelRegistry registry() {
        return registry;
    }

    public MetricsSource metrics() {
        return metrics;
    }

    public TrafficRouter router() {
        return router;
    }

    /** Runs {@code listener} after every change of engines, on the thread that made it. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** E.g. "metrics Prometheus http://127.0.0.1:9090, registry embedded, router embedded", for logs. */
    public static String describe(ConnectionSettings s) {
        return "metrics " + (s.prometheus() == null ? "embedded" : "Prometheus " + s.prometheus().url())
                + ", registry " + (s.mlflow() == null ? "embedded" : "MLflow " + s.mlflow().url())
                + ", router " + s.router().key();
    }

    private InUse inUse() {
        InUse now = inUse;
        if (now == null) {
            chosen.join();
            now = inUse;
        }
        return now;
    }

    @Override
    public synchronized void close() {
        if (inUse != null && inUse.connections() != null) {
            inUse.connections().close();
        }
        inUse = embeddedInUse();
        chosen.complete(null);
    }
}
