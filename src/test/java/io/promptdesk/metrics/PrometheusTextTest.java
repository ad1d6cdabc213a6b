package io.promptdesk.metrics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrometheusTextTest {
    private MetricsHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rendersCountersAndACumulativeHistogram() {
        VersionCounters c = new VersionCounters("hooks", "2.1.0", 90, 10, 30, 12.5,
                new long[]{0, 0, 0, 0, 10, 40, 30, 15, 5, 0, 0, 0});
        String text = PrometheusText.render(List.of(c), Map.of("hooks", new TrafficSplit("2.0.0", "2.1.0", 25)));
        assertThat(text).contains(
                "# TYPE promptdesk_requests_total counter\n",
                "promptdesk_requests_total{deployment=\"hooks\",version=\"2.1.0\",outcome=\"success\"} 90\n",
                "promptdesk_requests_total{deployment=\"hooks\",version=\"2.1.0\",outcome=\"error\"} 10\n",
                "promptdesk_engagements_total{deployment=\"hooks\",version=\"2.1.0\"} 30\n",
                "# TYPE promptdesk_request_latency_seconds histogram\n",
                "promptdesk_request_latency_seconds_bucket{deployment=\"hooks\",version=\"2.1.0\",le=\"0.1\"} 10\n",
                "promptdesk_request_latency_seconds_bucket{deployment=\"hooks\",version=\"2.1.0\",le=\"0.25\"} 50\n",
                "promptdesk_request_latency_seconds_bucket{deployment=\"hooks\",version=\"2.1.0\",le=\"+Inf\"} 100\n",
                "promptdesk_request_latency_seconds_sum{deployment=\"hooks\",version=\"2.1.0\"} 12.5\n",
                "promptdesk_request_latency_seconds_count{deployment=\"hooks\",version=\"2.1.0\"} 100\n",
                "promptdesk_traffic_percent{deployment=\"hooks\",version=\"2.0.0\"} 75\n",
                "promptdesk_traffic_percent{deployment=\"hooks\",version=\"2.1.0\"} 25\n");
        // Every non-comment line is "name{labels} value".
        assertThat(Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#")))
                .allMatch(l -> l.matches("[a-z_]+\\{[^}]*} [0-9.+eE-]+"));
    }

    @Test
    void labelValuesAreEscaped() {
        assertThat(PrometheusText.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void servesTheSimulatorOnLoopbackOnly() throws Exception {
        SimulatedService sim = new SimulatedService(new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z")), 1);
        sim.route("hooks", "1", "2", 10);
        sim.advance(Duration.ofSeconds(10));
        server = MetricsHttpServer.start(sim::prometheusText, 0);
        assertThat(server.port()).isPositive();
        assertThat(InetAddress.getByName(server.uri().getHost()).isLoopbackAddress()).isTrue();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(server.uri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue(PrometheusText.CONTENT_TYPE);
        assertThat(ok.body()).contains("promptdesk_request_latency_seconds_count{deployment=\"hooks\",version=\"1\"}");
        long total = sim.counters().stream().mapToLong(VersionCounters::requests).sum();
        assertThat(total).isEqualTo(500);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/other")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri())
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aTakenPortIsAClearError() {
        server = MetricsHttpServer.start(() -> "", 0);
        assertThatThrownBy(() -> MetricsHttpServer.start(() -> "", server.port()))
                .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port());
    }
}
