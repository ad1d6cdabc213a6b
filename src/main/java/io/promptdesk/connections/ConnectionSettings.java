package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which engines a workspace uses: Prometheus for metrics and MLflow for the registry when their settings are
 * present (the embedded engines otherwise), and where traffic goes. Immutable.
 *
 * @param prometheus     null: health checks read the embedded engine
 * @param scrapeInterval Prometheus's scrape interval for the health queries' steps
 * @param queries        PromQL overrides: deployment (or {@code default}) to metric key to template
 * @param mlflow         null: the workspace's embedded registry
 * @param webhook        the traffic webhook, with {@code webhookSecretEnv} naming the variable with its secret
 */
public record ConnectionSettings(EndpointSettings prometheus, Duration scrapeInterval,
                                 Map<String, Map<String, String>> queries, EndpointSettings mlflow,
                                 RouterKind router, EndpointSettings webhook, String webhookSecretEnv) {
    public static final String DEFAULT_QUERIES = "default";

    public ConnectionSettings {
        Map<String, Map<String, String>> q = new TreeMap<>();
        (queries == null ? Map.<String, Map<String, String>>of() : queries)
                .forEach((k, v) -> q.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
        queries = Collections.unmodifiableMap(q);
        router = router == null ? RouterKind.EMBEDDED : router;
        if (scrapeInterval != null && (scrapeInterval.isNegative() || scrapeInterval.isZero())) {
            throw new BadInputException("the Prometheus scrape interval must be positive, got " + scrapeInterval);
        }
    }

    /** Everything embedded. */
    public static ConnectionSettings embedded() {
        return new ConnectionSettings(null, null, Map.of(), null, RouterKind.EMBEDDED, null, null);
    }

    public ConnectionSettings withPrometheus(EndpointSettings p) {
        return new ConnectionSettings(p, scrapeInterval, queries, mlflow, router, webhook, webhookSecretEnv);
    }

    public ConnectionSettings withMlflow(EndpointSettings m) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, m, router, webhook, webhookSecretEnv);
    }

    public ConnectionSettings withRouter(RouterKind r) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, mlflow, r, webhook, webhookSecretEnv);
    }

    public ConnectionSettings withWebhook(EndpointSettings w, String secretEnv) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, mlflow, router, w, secretEnv);
    }
}
