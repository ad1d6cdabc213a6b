package io.promptdesk.metrics.prometheus;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsHttpServer;
import io.promptdesk.metrics.Observation;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Sleeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The Prometheus client against a real Prometheus scraping the simulated service every second: the API's answers
 * as the server really writes them (NaN, infinities, scalars, empty results, parse errors), and the health queries'
 * values against what the simulator served.
 */
class PrometheusRealServerTest {
    private static final Duration SCRAPE = Duration.ofSeconds(1);
    private static final Duration BUDGET = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    static SimulatedService sim;
    static MetricsHttpServer metrics;
    static LocalPrometheus prometheus;
    static PrometheusClient client;
    static final CountDownLatch SCRAPES = new CountDownLatch(5);

    @BeforeAll
    static void start() throws InterruptedException {
        LocalPrometheus.requireBinary("prometheus");
        sim = new SimulatedService(Clock.systemUTC(), 7);
        sim.setDefaultRate(400);
        sim.route("hooks", "1.0", "1.1", 50);
        sim.injectFault("hooks", "1.1", 3, 0.10);
        metrics = MetricsHttpServer.start(() -> {
            sim.catchUp();
            SCRAPES.countDown();
            return sim.prometheusText();
        }, 0);
        prometheus = LocalPrometheus.start(dir, metrics.port(), SCRAPE);
        client = new PrometheusClient(RemoteEndpoint.of("Prometheus", prometheus.url()), Sleeper.REAL);
        assertThat(SCRAPES.await(20, TimeUnit.SECONDS)).as("five scrapes within 20 s").isTrue();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void specialValuesArriveAsTheServerWritesThem() {
        Instant now = Instant.now();
        assertThat(client.query("0/0", now, BUDGET).singleValue("0/0")).isNaN();
        assertThat(client.query("1/0", now, BUDGET).singleValue("1/0")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(client.query("-1/0", now, BUDGET).singleValue("-1/0")).isEqualTo(Double.NEGATIVE_INFINITY);
        QueryResult scalar = client.query("scalar(vector(0.25))", now, BUDGET);
        assertThat(scalar.resultType()).isEqualTo("scalar");
        assertThat(scalar.singleValue("")).isEqualTo(0.25);
        assertThat(client.query("vector(1e-07)", now, BUDGET).singleValue("")).isEqualTo(1e-07);
    }

    @Test
    void noMatchingSeriesIsNoDataNotAnError() {
        QueryResult r = client.query("promptdesk_requests_total{deployment=\"nobody\"}", Instant.now(), BUDGET);
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.singleValue("")).isNaN();
    }

    @Test
    void aPromQlErrorSaysWhatTheServerSaid() {
        assertThatThrownBy(() -> client.query("sum(rate(x[5m])", Instant.now(), BUDGET))
                .isInstanceOf(PrometheusQueryException.class)
                .hasMessageContaining("failed the query (bad_data, HTTP 400)")
                .hasMessageContaining("parse error")
                .hasMessageContaining("fix the PromQL template");
    }

    @Test
    void theServerReportsItsVersion() {
        assertThat(client.version(BUDGET)).startsWith("2.");
    }

    @Test
    void healthQueriesReadTheSimulatorsExposition() {
        PrometheusMetricsSource source = new PrometheusMetricsSource(client, HealthQueries.defaults(), SCRAPE, BUDGET);
        Instant to = Instant.now();
        Instant from = to.minusSeconds(8);
        Observation stableErrors = source.observe("hooks", "1.0", Metric.ERROR_RATE, from, to);
        Observation canaryErrors = source.observe("hooks", "1.1", Metric.ERROR_RATE, from, to);
        assertThat(stableErrors.granularity()).isEqualTo(Observation.Granularity.STEP);
        assertThat(stableErrors.points()).isNotEmpty();
        assertThat(stableErrors.requests()).isGreaterThan(100);
        assertThat(canaryErrors.value()).isGreaterThan(stableErrors.value());
        assertThat(canaryErrors.value()).isCloseTo(0.10, within(0.06));
        Observation canaryLatency = source.observe("hooks", "1.1", Metric.LATENCY_P95, from, to);
        Observation stableLatency = source.observe("hooks", "1.0", Metric.LATENCY_P95, from, to);
        assertThat(stableLatency.value()).isBetween(0.25, 1.0);
        assertThat(canaryLatency.value()).isGreaterThan(1.0);
        Observation engagement = source.observe("hooks", "1.0", Metric.ENGAGEMENT_RATE, from, to);
        assertThat(engagement.value()).isCloseTo(0.30, within(0.1));
    }

    @Test
    void promtoolAcceptsTheSimulatorsMetrics() throws Exception {
        Path promtool = LocalPrometheus.requireBinary("promtool");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(sim.prometheusText().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(output).isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
