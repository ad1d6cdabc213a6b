package io.promptdesk.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RetryPolicy;
import io.promptdesk.remote.Secret;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookTrafficRouterTest {
    private final MockWebServer server = new MockWebServer();
    private WebhookTrafficRouter router;

    @BeforeEach
    void start() throws Exception {
        server.start(InetAddress.getLoopbackAddress(), 0);
        RemoteEndpoint endpoint = RemoteEndpoint.of("traffic webhook", server.url("/hooks/traffic").toString())
                .withRetry(new RetryPolicy(3, Duration.ofMillis(10), 2, Duration.ofMillis(50)));
        router = new WebhookTrafficRouter(endpoint, Secret.fromEnvironment("ROUTER_SECRET",
                Map.of("ROUTER_SECRET", "shh")::get), new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z")),
                Duration.ofSeconds(5), d -> { });
    }

    @AfterEach
    void stop() {
        router.close();
        server.close();
    }

    @Test
    void aChangeIsPostedAsSignedJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        router.route("hooks", "1.0", "1.1", 25);
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/hooks/traffic");
        String body = r.getBody().utf8();
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(json.path("deployment").asText()).isEqualTo("hooks");
        assertThat(json.path("version").asText()).isEqualTo("1.1");
        assertThat(json.path("percentage").asInt()).isEqualTo(25);
        assertThat(json.path("stable_version").asText()).isEqualTo("1.0");
        assertThat(json.path("sent_at").asText()).isEqualTo("2025-03-01T10:00:00Z");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("shh".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(r.getHeaders().get(WebhookTrafficRouter.SIGNATURE_HEADER))
                .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void allTrafficBackToStableIsZeroPercentWithoutAVersion() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        router.route("hooks", "1.0", null, 0);
        JsonNode json = new ObjectMapper().readTree(server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(json.path("version").isNull()).isTrue();
        assertThat(json.path("percentage").asInt()).isZero();
    }

    @Test
    void aPassingFailureIsRetriedAndAPersistentOneFailsTheStage() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        router.route("hooks", "1.0", "1.1", 50);
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(new MockResponse.Builder().code(409).body("version 1.1 unknown to the router").build());
        assertThatThrownBy(() -> router.route("hooks", "1.0", "1.1", 100))
                .isInstanceOf(TrafficRoutingException.class)
                .hasMessage("the traffic webhook at " + server.url("/hooks/traffic") + " refused the change (hooks: "
                        + "100% to 1.1, the rest to 1.0) with HTTP 409: version 1.1 unknown to the router; traffic "
                        + "stays as it was");
    }

    @Test
    void aReceiverThatEchoesTheCredentialsOrTheSigningSecretHasThemRedacted() {
        RemoteEndpoint endpoint = RemoteEndpoint.of("traffic webhook", "http://router:s3cret-Pass-99@"
                + server.getHostName() + ":" + server.getPort() + "/hooks/traffic");
        assertThat(endpoint.baseUrl().toString()).doesNotContain("s3cret-Pass-99");
        try (WebhookTrafficRouter echoing = new WebhookTrafficRouter(endpoint, Secret.fromEnvironment("ROUTER_SECRET",
                Map.of("ROUTER_SECRET", "signing-key-0123456789")::get), new SimulatedClock(
                Instant.parse("2025-03-01T10:00:00Z")), Duration.ofSeconds(5), d -> { })) {
            server.enqueue(new MockResponse.Builder().code(401).body("denied: password s3cret-Pass-99, key "
                    + "signing-key-0123456789").build());
            assertThatThrownBy(() -> echoing.route("hooks", "1.0", "1.1", 10))
                    .isInstanceOf(TrafficRoutingException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("[REDACTED]")
                    .hasMessageNotContaining("s3cret-Pass-99").hasMessageNotContaining("signing-key-0123456789");
            assertThat(echoing.target()).doesNotContain("s3cret");
        }
    }

    @Test
    void aSplitCarriesItsIdempotencyKeyAndGeneration() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());
        router.route(new io.promptdesk.metrics.TrafficSplit("1.0", "1.1", 25), "hooks", "hooks/7");
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getHeaders().get(WebhookTrafficRouter.IDEMPOTENCY_HEADER)).isEqualTo("hooks/7");
        JsonNode json = new ObjectMapper().readTree(r.getBody().utf8());
        assertThat(json.path("idempotency_key").asText()).isEqualTo("hooks/7");
        assertThat(json.path("generation").asLong()).isEqualTo(7);
        assertThat(json.path("percentage").asInt()).isEqualTo(25);
    }
}
