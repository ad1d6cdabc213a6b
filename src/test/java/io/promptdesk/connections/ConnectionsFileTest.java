package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.remote.RemoteEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionsFileTest {
    @TempDir
    Path ws;
    private final FakeSecretStore store = new FakeSecretStore();

    private static final String YAML = """
            name: sample workspace
            connections:
              prometheus:
                url: https://prom.internal:9090/
                auth: {type: bearer, token_env: PROM_TOKEN}
                ca_file: /etc/ssl/private-ca.pem
                read_timeout_ms: 4000
                scrape_interval_s: 5
                queries:
                  default:
                    error_rate: "sum(rate(http_errors_total{{app=\\"{deployment}\\",rev=\\"{version}\\"}}[{window}]))"
              mlflow:
                url: http://mlflow.internal:5000/
                auth: {type: basic, username: ops, password_env: MLFLOW_PASSWORD}
              router:
                type: webhook
                url: https://router.internal/promptdesk
                secret_env: ROUTER_SECRET
            """;

    @Test
    void theSectionIsReadWithSecretsOnlyNamed() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), YAML);
        ConnectionSettings s = ConnectionsFile.read(ws);
        assertThat(s.prometheus().url()).isEqualTo("https://prom.internal:9090/");
        assertThat(s.prometheus().auth()).isEqualTo(EndpointSettings.AuthType.BEARER);
        assertThat(s.prometheus().tokenEnv()).isEqualTo("PROM_TOKEN");
        assertThat(s.prometheus().caFile()).isEqualTo(Path.of("/etc/ssl/private-ca.pem"));
        assertThat(s.prometheus().readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.scrapeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.mlflow().username()).isEqualTo("ops");
        assertThat(s.router()).isEqualTo(RouterKind.WEBHOOK);
        assertThat(s.webhookSecretEnv()).isEqualTo("ROUTER_SECRET");

        RemoteEndpoint e = s.prometheus().endpoint("Prometheus", Map.of("PROM_TOKEN", "t0ken")::get, store);
        assertThat(e.auth().describe()).isEqualTo("bearer token from $PROM_TOKEN");
        assertThatThrownBy(() -> s.mlflow().endpoint("MLflow", Map.<String, String>of()::get, store))
                .isInstanceOf(BadInputException.class).hasMessageContaining("MLFLOW_PASSWORD").hasMessageContaining("not set");
        assertThat(store.asked()).isEmpty();
        try (Connections c = new Connections(s, Map.of("PROM_TOKEN", "t")::get, store, Clock.systemUTC())) {
            assertThat(c.queries().source("any", "error_rate")).startsWith("sum(rate(http_errors_total{{app=");
        }
    }

    @Test
    void theEnvironmentOverridesTheFile() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), YAML);
        ConnectionSettings s = ConnectionsFile.withEnvironment(ConnectionsFile.read(ws), Map.of(
                ConnectionsFile.ENV_PROMETHEUS_URL, "http://127.0.0.1:9091/",
                ConnectionsFile.ENV_ROUTER, "mlflow")::get);
        assertThat(s.prometheus().url()).isEqualTo("http://127.0.0.1:9091/");
        assertThat(s.prometheus().tokenEnv()).isEqualTo("PROM_TOKEN");
        assertThat(s.mlflow().url()).isEqualTo("http://mlflow.internal:5000/");
        assertThat(s.router()).isEqualTo(RouterKind.MLFLOW);
        assertThat(ConnectionsFile.read(ws.resolve("none")).prometheus()).isNull();
    }

    @Test
    void writingKeepsTheOtherKeysAndRoundTrips() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), YAML);
        ConnectionSettings s = ConnectionsFile.read(ws);
        Files.writeString(ws.resolve("promptdesk.yaml"), "name: sample workspace\n");
        ConnectionsFile.write(ws, s);
        String written = Files.readString(ws.resolve("promptdesk.yaml"));
        assertThat(written).contains("name: \"sample workspace\"").contains("token_env: \"PROM_TOKEN\"")
                .doesNotContain("t0ken");
        assertThat(ConnectionsFile.read(ws)).isEqualTo(s);
    }

    @Test
    void aSecretInTheFileIsRefused() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  router:\n    type: webhook\n"
                + "    secret: hunter2\n");
        assertThatThrownBy(() -> ConnectionsFile.read(ws)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("connections.router.secret: secrets are never read from the workspace file")
                .hasMessageContaining("secret_env").hasMessageContaining("secret_store")
                .hasMessageNotContaining("hunter2");
    }

    private static final String FROM_THE_STORE = """
            connections:
              prometheus:
                url: https://prom.internal:9090/
                auth: {type: bearer, token_secret: prom-token}
              mlflow:
                url: http://mlflow.internal:5000/
                auth: {type: basic, username: ops, password_secret: mlflow-password}
              router:
                type: webhook
                url: https://router.internal/promptdesk
                secret_store: router-secret
            """;

    @Test
    void secretsNamedByStoreEntryAreReadWrittenAndResolvedThroughTheStore() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), FROM_THE_STORE);
        ConnectionSettings s = ConnectionsFile.read(ws);

        assertThat(s.prometheus().tokenSecret()).isEqualTo("prom-token");
        assertThat(s.prometheus().tokenEnv()).isNull();
        assertThat(s.mlflow().passwordSecret()).isEqualTo("mlflow-password");
        assertThat(s.webhookSecretStore()).isEqualTo("router-secret");
        assertThat(s.webhookSecretEnv()).isNull();

        ConnectionsFile.write(ws, s);
        assertThat(Files.readString(ws.resolve("promptdesk.yaml"))).contains("token_secret: \"prom-token\"")
                .contains("password_secret: \"mlflow-password\"").contains("secret_store: \"router-secret\"")
                .doesNotContain("_env");
        assertThat(ConnectionsFile.read(ws)).isEqualTo(s);

        store.put("prom-token", "t0ken-from-the-keyring");
        RemoteEndpoint e = s.prometheus().endpoint("Prometheus", k -> null, store);
        assertThat(e.auth().describe()).isEqualTo("bearer token from secret store entry prom-token");
        assertThatThrownBy(() -> s.mlflow().endpoint("MLflow", k -> null, store))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the secret store entry mlflow-password that should hold the secret is not found in the "
                        + "test keyring; store it with: keyring put mlflow-password");
        assertThat(store.asked()).containsExactly("prom-token", "mlflow-password");
    }

    @Test
    void theEnvironmentsRouterUrlKeepsTheSecretsStoreEntry() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), FROM_THE_STORE);
        ConnectionSettings s = ConnectionsFile.withEnvironment(ConnectionsFile.read(ws),
                Map.of(ConnectionsFile.ENV_ROUTER_URL, "http://127.0.0.1:8081/route")::get);

        assertThat(s.webhook().url()).isEqualTo("http://127.0.0.1:8081/route");
        assertThat(s.webhookSecretStore()).isEqualTo("router-secret");
    }

    @Test
    void aSecretNamedBothWaysIsRefusedNamingBothKeys() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  prometheus:\n    url: http://p:9090\n"
                + "    auth: {type: bearer, token_env: PROM_TOKEN, token_secret: prom-token}\n");
        assertThatThrownBy(() -> ConnectionsFile.read(ws)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("connections.prometheus.auth names its secret twice: give either token_env (an "
                        + "environment variable) or token_secret (an OS secret store entry), not both");

        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  router:\n    type: embedded\n"
                + "    secret_env: ROUTER_SECRET\n    secret_store: router-secret\n");
        assertThatThrownBy(() -> ConnectionsFile.read(ws)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("connections.router names its secret twice").hasMessageContaining("secret_env")
                .hasMessageContaining("secret_store");
    }

    @Test
    void aSecretNamedNeitherWayIsRefusedNamingBothKeys() throws Exception {
        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  mlflow:\n    url: http://m:5000\n"
                + "    auth: {type: basic, username: ops}\n");
        assertThatThrownBy(() -> ConnectionsFile.read(ws)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("connections.mlflow.auth needs password_env (the environment variable holding "
                        + "the secret) or password_secret (its OS secret store entry)");
        // A router secret may be missing from the file: the router itself may be chosen by the environment.
        Files.writeString(ws.resolve("promptdesk.yaml"), "connections:\n  router:\n    type: embedded\n");
        assertThat(ConnectionsFile.read(ws).router()).isEqualTo(RouterKind.EMBEDDED);
    }
}
