package io.promptdesk.connections;

import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.mlflow.FakeMlflow;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.routing.WebhookTrafficRouter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets named by OS secret store entry reach the remote engines' requests, through the injected store. */
class ConnectionsSecretStoreTest {
    private static final Attribution ANA = Attribution.of("ana", "test");

    private final MockWebServer server = new MockWebServer();
    private final FakeSecretStore store = FakeSecretStore.with(Map.of("mlflow-token", "t0ken-from-the-keyring",
            "router-secret", "sh-from-the-keyring"));

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EndpointSettings bearer(String tokenEnv, String tokenSecret) {
        return new EndpointSettings(server.url("/").toString(), EndpointSettings.AuthType.BEARER, tokenEnv,
                tokenSecret, null, null, null, null, false, null, null);
    }

    @Test
    void aBearerTokenFromTheStoreIsSentAsTheAuthorizationHeader() throws InterruptedException {
        server.setDispatcher(new FakeMlflow());
        ConnectionSettings s = ConnectionSettings.embedded().withMlflow(bearer(null, "mlflow-token"));

        try (Connections c = new Connections(s, k -> null, store, Clock.systemUTC())) {
            c.mlflowClient().orElseThrow().searchRegisteredModels(null, 1, null, Duration.ofSeconds(5));
        }

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken-from-the-keyring");
        assertThat(store.asked()).containsExactly("mlflow-token");
    }

    @Test
    void theWebhookIsSignedWithTheSecretFromTheStore() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        ConnectionSettings s = ConnectionSettings.embedded().withRouter(RouterKind.WEBHOOK)
                .withWebhook(EndpointSettings.of(server.url("/traffic").toString()), null, "router-secret");

        try (Connections c = new Connections(s, k -> null, store, Clock.systemUTC())) {
            TrafficRouter router = c.router((d, st, ca, p) -> { }, null, ANA);
            router.route("hooks", "1.0", "1.1", 25);
        }

        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("sh-from-the-keyring".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(r.getHeaders().get(WebhookTrafficRouter.SIGNATURE_HEADER)).isEqualTo("sha256="
                + HexFormat.of().formatHex(mac.doFinal(r.getBody().utf8().getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSecretNamedTwiceOrNotAtAllOrMissingFromTheStoreIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> bearer("MLFLOW_TOKEN", "mlflow-token").endpoint("MLflow", k -> "x", store))
                .isInstanceOf(BadInputException.class)
                .hasMessage("the MLflow connection names its secret twice: give either token_env (an environment "
                        + "variable) or token_secret (an OS secret store entry), not both");
        assertThatThrownBy(() -> bearer(null, null).endpoint("MLflow", k -> "x", store))
                .hasMessageContaining("needs token_env").hasMessageContaining("or token_secret");
        ConnectionSettings noEntry = ConnectionSettings.embedded().withRouter(RouterKind.WEBHOOK)
                .withWebhook(EndpointSettings.of(server.url("/traffic").toString()), null, "no-such-entry");
        try (Connections c = new Connections(noEntry, k -> null, store, Clock.systemUTC())) {
            assertThatThrownBy(() -> c.router((d, st, ca, p) -> { }, null, ANA))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("no-such-entry")
                    .hasMessageContaining("not found in the test keyring")
                    .hasMessageContaining("keyring put no-such-entry");
        }
        assertThat(server.getRequestCount()).isZero();
    }
}
