package io.promptdesk.metrics.prometheus;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsUnavailableException;
import io.promptdesk.remote.RemoteAuth;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RetryPolicy;
import io.promptdesk.remote.Secret;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a real Prometheus cannot be made to do on demand: 500s, slow answers, garbage, dropped connections. */
class PrometheusFaultsTest {
    private static final String OK = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
            + "[{\"metric\":{},\"value\":[1718600000.123,\"0.5\"]}]}}";
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private final MockWebServer server = new MockWebServer();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private PrometheusClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = client(RemoteAuth.NONE, Duration.ofSeconds(2));
    }

    private PrometheusClient client(RemoteAuth auth, Duration readTimeout) {
        RemoteEndpoint e = RemoteEndpoint.of("Prometheus", server.url("/prom/").toString()).withAuth(auth)
                .withTimeouts(Duration.ofSeconds(1), readTimeout)
                .withRetry(new RetryPolicy(3, Duration.ofMillis(100), 2, Duration.ofSeconds(1)));
        return new PrometheusClient(e, waits::add);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aQueryIsSentAsTheApiTakesIt() throws InterruptedException {
        server.enqueue(json(200, OK));
        assertThat(client.query("up{job=\"a b\"}", T.plusMillis(123), Duration.ofSeconds(5)).singleValue(""))
                .isEqualTo(0.5);
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/prom/api/v1/query");
        assertThat(r.getUrl().queryParameter("query")).isEqualTo("up{job=\"a b\"}");
        assertThat(r.getUrl().queryParameter("time")).isEqualTo("1740823200.123");
        assertThat(r.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void aServerErrorIsRetriedWithGrowingBackoffThenReported() {
        String internal = "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"storage is closing\"}";
        server.enqueue(json(500, internal));
        server.enqueue(json(500, internal));
        server.enqueue(json(500, internal));
        assertThatThrownBy(() -> client.query("up", T, Duration.ofSeconds(5)))
                .isInstanceOf(MetricsUnavailableException.class)
                .hasMessage("Prometheus at " + server.url("/prom/") + " failed the query (internal, HTTP 500): "
                        + "storage is closing");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aPassingFailureIsRetriedAway() {
        server.enqueue(new MockResponse.Builder().code(503).body("upstream busy").build());
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, OK));
        assertThat(client.query("up", T, Duration.ofSeconds(5)).singleValue("up")).isEqualTo(0.5);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void droppedConnectionsEveryTimeSayWhat() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        assertThatThrownBy(() -> client.query("up", T, Duration.ofSeconds(5)))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("dropped the connection").hasMessageContaining("3 attempts");
    }

    @Test
    void aSlowAnswerTimesOut() {
        try (PrometheusClient impatient = client(RemoteAuth.NONE, Duration.ofMillis(200))) {
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(200).body(OK).bodyDelay(2, TimeUnit.SECONDS).build());
            }
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.query("up", T, Duration.ofSeconds(10)))
                    .isInstanceOf(PrometheusQueryException.class)
                    .hasMessageContaining("did not answer in time");
            // Unbounded, three attempts would wait 6 s; the margin keeps a busy CI machine from failing it.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void theCallersBudgetBoundsEveryAttempt() {
        server.enqueue(new MockResponse.Builder().code(200).body(OK).headersDelay(3, TimeUnit.SECONDS).build());
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.query("up", T, Duration.ofMillis(300)))
                .isInstanceOf(PrometheusQueryException.class);
        // Unbounded, the answer would take 3 s.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void malformedJsonIsNamedAsSuch() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":"));
        assertThatThrownBy(() -> client.query("up", T, Duration.ofSeconds(5)))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("sent malformed JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aProxysHtmlErrorIsReportedByItsStatus() {
        server.enqueue(new MockResponse.Builder().code(403).setHeader("Content-Type", "text/html")
                .body("<html><body>Forbidden by proxy</body></html>").build());
        assertThatThrownBy(() -> client.query("up", T, Duration.ofSeconds(5)))
                .hasMessageContaining("answered HTTP 403 without the API's JSON error: <html><body>Forbidden")
                .hasMessageContaining("check the credentials");
    }

    @Test
    void aDeadServerIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RemoteEndpoint dead = RemoteEndpoint.of("Prometheus", "http://127.0.0.1:" + port + "/")
                .withRetry(new RetryPolicy(2, Duration.ofMillis(50), 2, Duration.ofSeconds(1)));
        try (PrometheusClient c = new PrometheusClient(dead, waits::add)) {
            assertThatThrownBy(() -> c.query("up", T, Duration.ofSeconds(5)))
                    .isInstanceOf(MetricsUnavailableException.class)
                    .hasMessageStartingWith("Prometheus at http://127.0.0.1:" + port + "/ refused the connection");
        }
    }

    @Test
    void bearerAndBasicCredentialsAreSentButNeverShown() throws InterruptedException {
        Map<String, String> env = Map.of("PROM_TOKEN", "s3cr3t-token", "PROM_PASSWORD", "pa55");
        try (PrometheusClient bearer = client(new RemoteAuth.Bearer(Secret.fromEnvironment("PROM_TOKEN", env::get)),
                Duration.ofSeconds(2))) {
            server.enqueue(json(401, "{\"status\":\"error\",\"errorType\":\"unauthorized\",\"error\":\"bad token\"}"));
            assertThatThrownBy(() -> bearer.query("up", T, Duration.ofSeconds(5)))
                    .hasMessageNotContaining("s3cr3t-token");
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isEqualTo("Bearer s3cr3t-token");
        }
        RemoteAuth basic = new RemoteAuth.Basic("ops", Secret.fromEnvironment("PROM_PASSWORD", env::get));
        assertThat(basic.toString()).isEqualTo("basic auth as ops with the password from $PROM_PASSWORD");
        try (PrometheusClient c = client(basic, Duration.ofSeconds(2))) {
            server.enqueue(json(200, OK));
            c.query("up", T, Duration.ofSeconds(5));
            assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                    .isEqualTo("Basic b3BzOnBhNTU=");
        }
    }

    @Test
    void aHealthQueryThatDoesNotAggregateIsRefused() {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
                + "{\"metric\":{\"version\":\"a\"},\"value\":[1,\"1\"]},{\"metric\":{\"version\":\"b\"},\"value\":[1,\"2\"]}"
                + "]}}"));
        PrometheusMetricsSource source = new PrometheusMetricsSource(client, HealthQueries.defaults(),
                Duration.ofSeconds(15), Duration.ofSeconds(5));
        assertThatThrownBy(() -> source.observe("hooks", "1.1", Metric.ERROR_RATE, T, T.plusSeconds(120)))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("returned 2 series where one was expected");
    }
}
