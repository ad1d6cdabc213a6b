package io.promptdesk.connections;

import io.promptdesk.metrics.prometheus.PrometheusClient;
import io.promptdesk.metrics.prometheus.QueryResult;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.mlflow.MlflowClient;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.SecretStore;
import io.promptdesk.remote.Sleeper;

import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * "Test connection": a read-only call to each engine - an instant query of Prometheus, a one-item model search of
 * MLflow - timed, with the engine's version. Changes nothing, so it may be run at any time.
 */
public final class ConnectionTester {
    private final UnaryOperator<String> environment;
    private final SecretStore secrets;
    private final Duration budget;
    private final Sleeper sleeper;

    public ConnectionTester(UnaryOperator<String> environment, SecretStore secrets, Duration budget, Sleeper sleeper) {
        this.environment = environment;
        this.secrets = secrets;
        this.budget = budget;
        this.sleeper = sleeper;
    }

    public Probe prometheus(EndpointSettings settings) {
        return probe("Prometheus", settings, endpoint -> {
            try (PrometheusClient c = new PrometheusClient(endpoint, sleeper)) {
                QueryResult r = c.query("vector(1)", Instant.now(), budget);
                if (r.singleValue("vector(1)") != 1) {
                    throw new PromptDeskException(endpoint.describe() + " answered vector(1) with "
                            + r.singleValue("vector(1)") + ": not a Prometheus query API");
                }
                return c.version(budget);
            }
        });
    }

    public Probe mlflow(EndpointSettings settings) {
        return probe("MLflow", settings, endpoint -> {
            try (MlflowClient c = new MlflowClient(endpoint, sleeper)) {
                c.searchRegisteredModels(null, 1, null, budget);
                return c.serverVersion(budget);
            }
        });
    }

    private interface Call {
        String run(RemoteEndpoint endpoint);
    }

    private Probe probe(String engine, EndpointSettings settings, Call call) {
        long start = System.nanoTime();
        try {
            RemoteEndpoint endpoint = settings.endpoint(engine, environment, secrets);
            String version = call.run(endpoint);
            return new Probe(engine, settings.url(), true, (System.nanoTime() - start) / 1_000_000, version,
                    null);
        } catch (PromptDeskException e) {
            return new Probe(engine, settings.url(), false, (System.nanoTime() - start) / 1_000_000, null,
                    e.getMessage());
        }
    }
}
