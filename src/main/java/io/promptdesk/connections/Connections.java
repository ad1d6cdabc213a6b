package io.promptdesk.connections;

import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.prometheus.HealthQueries;
import io.promptdesk.metrics.prometheus.PrometheusClient;
import io.promptdesk.metrics.prometheus.PrometheusMetricsSource;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.RegistryHistory;
import io.promptdesk.registry.mlflow.MlflowClient;
import io.promptdesk.registry.mlflow.MlflowModelRegistry;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Sleeper;
import io.promptdesk.routing.MlflowAliasTrafficRouter;
import io.promptdesk.routing.WebhookTrafficRouter;
import io.promptdesk.remote.SecretStore;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Builds the engines a workspace's settings name: Prometheus metrics, the MLflow registry, the traffic router;
 * the embedded ones where nothing remote is set. Owns the clients it builds and closes them.
 */
public final class Connections implements AutoCloseable {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);

    private final ConnectionSettings settings;
    private final UnaryOperator<String> environment;
    private final SecretStore secrets;
    private final Clock clock;
    private final List<AutoCloseable> owned = new ArrayList<>();
    private PrometheusMetricsSource prometheus;
    private MlflowClient mlflow;

    /**
     * @param environment where secrets named by variable are read ({@code System::getenv} outside tests)
     * @param secrets     where secrets named by store entry are read
     */
    public Connections(ConnectionSettings settings, UnaryOperator<String> environment, SecretStore secrets,
                       Clock clock) {
        this.settings = settings;
        this.environment = environment;
        this.secrets = secrets;
        this.clock = clock;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The health queries: the shipped defaults with the settings' overrides. */
    public HealthQueries queries() {
        HealthQueries q = HealthQueries.defaults();
        for (Map.Entry<String, Map<String, String>> d : settings.queries().entrySet()) {
            String deployment = d.getKey().equals(ConnectionSettings.DEFAULT_QUERIES) ? null : d.getKey();
            for (Map.Entry<String, String> e : d.getValue().entrySet()) {
                q = q.with(deployment, e.getKey(), e.getValue());
            }
        }
        return q;
    }

    /** The Prometheus source, when the settings name a Prometheus. */
    public synchronized Optional<PrometheusMetricsSource> prometheus() {
        if (prometheus == null && settings.prometheus() != null) {
            prometheus = own(new PrometheusMetricsSource(new PrometheusClient(settings.prometheus()
                    .endpoint("Prometheus", environment, secrets), Sleeper.REAL), queries(),
                    settings.scrapeInterval() != null ? settings.scrapeInterval()
                            : PrometheusMetricsSource.DEFAULT_SCRAPE_INTERVAL, PrometheusMetricsSource.DEFAULT_QUERY_BUDGET));
        }
        return Optional.ofNullable(prometheus);
    }

    public synchronized Optional<MlflowClient> mlflowClient() {
        if (mlflow == null && settings.mlflow() != null) {
            mlflow = own(new MlflowClient(settings.mlflow().endpoint("MLflow", environment, secrets), Sleeper.REAL));
        }
        return Optional.ofNullable(mlflow);
    }

    /** MLflow's registry when one is set, recording its changes in {@code history}; else {@code embedded}. */
    public ModelRegistry registry(ModelRegistry embedded, RegistryHistory history) {
        return mlflowClient().<ModelRegistry>map(c -> new MlflowModelRegistry(c, history, clock,
                MlflowModelRegistry.DEFAULT_CALL_BUDGET)).orElse(embedded);
    }

    /**
     * The router the settings choose.
     *
     * @param embedded what routes when the router is embedded (the simulated service, or nothing)
     * @param registry the registry in use, for the MLflow router's alias moves
     * @throws BadInputException when the chosen router lacks its settings
     */
    /**
     * What a reader needs of the router the settings choose: its target (to tell whether the stored split was
     * acknowledged by this router), with no secret resolved and nothing sent. Sending through it is refused.
     */
    public TrafficRouter routerForReading(TrafficRouter embedded) {
        String target = switch (settings.router()) {
            case EMBEDDED -> null;
            case WEBHOOK -> settings.webhook() == null ? null
                    : WebhookTrafficRouter.targetOf(RemoteEndpoint.parseUrl("traffic webhook",
                    settings.webhook().url()));
            case MLFLOW -> settings.mlflow() == null ? null
                    : MlflowAliasTrafficRouter.targetOf(RemoteEndpoint.parseUrl("MLflow", settings.mlflow().url()));
        };
        if (target == null) {
            return embedded;
        }
        return new TrafficRouter() {
            @Override
            public void route(String deployment, String stable, String canary, int percent) {
                throw new IllegalStateException("a reading command does not change traffic");
            }

            @Override
            public String target() {
                return target;
            }
        };
    }

    public TrafficRouter router(TrafficRouter embedded, ModelRegistry registry, Attribution by) {
        return switch (settings.router()) {
            case EMBEDDED -> embedded;
            case WEBHOOK -> {
                if (settings.webhook() == null) {
                    throw new BadInputException("the webhook router needs connections.router.url, or "
                            + ConnectionsFile.ENV_ROUTER_URL);
                }
                yield own(new WebhookTrafficRouter(settings.webhook().endpoint("traffic webhook", environment, secrets),
                        settings.webhookSecret().resolve("traffic webhook", environment, secrets), clock,
                        DEFAULT_BUDGET, Sleeper.REAL));
            }
            case MLFLOW -> {
                if (!(registry instanceof MlflowModelRegistry m) || mlflowClient().isEmpty()) {
                    throw new BadInputException("the mlflow router needs the MLflow registry: give --mlflow-url or "
                            + "connections.mlflow.url");
                }
                yield new MlflowAliasTrafficRouter(m, mlflowClient().get(), by, DEFAULT_BUDGET);
            }
        };
    }

    private <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + c + ": " + e.getMessage(), e);
            }
        }
        owned.clear();
    }
}
