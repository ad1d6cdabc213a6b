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
 * @param webhook            the traffic webhook
 * @param webhookSecretEnv   the variable holding the webhook's signing secret ({@code secret_env})
 * @param webhookSecretStore or the OS secret store entry holding it ({@code secret_store}); one of the two
 */
public record ConnectionSettings(EndpointSettings prometheus, Duration scrapeInterval,
                                 Map<String, Map<String, String>> queries, EndpointSettings mlflow,
                                 RouterKind router, EndpointSettings webhook, String webhookSecretEnv,
                                 String webhookSecretStore) {
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

    /** Settings whose webhook secret, if any, is in an environment variable. */
    public ConnectionSettings(EndpointSettings prometheus, Duration scrapeInterval,
                              Map<String, Map<String, String>> queries, EndpointSettings mlflow, RouterKind router,
                              EndpointSettings webhook, String webhookSecretEnv) {
        this(prometheus, scrapeInterval, queries, mlflow, router, webhook, webhookSecretEnv, null);
    }

    /** Everything embedded. */
    public static ConnectionSettings embedded() {
        return new ConnectionSettings(null, null, Map.of(), null, RouterKind.EMBEDDED, null, null, null);
    }

    public ConnectionSettings withPrometheus(EndpointSettings p) {
        return new ConnectionSettings(p, scrapeInterval, queries, mlflow, router, webhook, webhookSecretEnv,
                webhookSecretStore);
    }

    public ConnectionSettings withMlflow(EndpointSettings m) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, m, router, webhook, webhookSecretEnv,
                webhookSecretStore);
    }

    public ConnectionSettings withRouter(RouterKind r) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, mlflow, r, webhook, webhookSecretEnv,
                webhookSecretStore);
    }

    /** The webhook, its signing secret in the variable {@code secretEnv}. */
    public ConnectionSettings withWebhook(EndpointSettings w, String secretEnv) {
        return withWebhook(w, secretEnv, null);
    }

    /** The webhook, its signing secret in the variable {@code secretEnv} or the store entry {@code secretStore}. */
    public ConnectionSettings withWebhook(EndpointSettings w, String secretEnv, String secretStore) {
        return new ConnectionSettings(prometheus, scrapeInterval, queries, mlflow, router, w, secretEnv, secretStore);
    }

    /** The webhook's signing secret's source: {@code secret_env} or {@code secret_store}. */
    SecretChoice webhookSecret() {
        return new SecretChoice("secret_env", webhookSecretEnv, "secret_store", webhookSecretStore);
    }
}
