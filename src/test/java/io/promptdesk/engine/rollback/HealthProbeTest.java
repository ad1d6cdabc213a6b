package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.MetricsUnavailableException;
import io.promptdesk.metrics.Observation;
import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.RemoteUnavailableException;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    /** A Prometheus-like source: per-step values and a request count, not per-request samples. */
    private static MetricsSource aggregated(double errorRate, double p95, long requests) {
        return new MetricsSource() {
            @Override
            public double[] samples(String deployment, String version, Metric metric, Instant from, Instant to) {
                throw new AssertionError("an aggregating source is read through observe");
            }

            @Override
            public Observation observe(String deployment, String version, Metric metric, Instant from, Instant to) {
                double v = metric == Metric.ERROR_RATE ? errorRate : metric == Metric.LATENCY_P95 ? p95 : 0.3;
                return Observation.ofSteps(v, new double[]{v, v, v, v}, requests);
            }
        };
    }

    @Test
    void aggregatedSeriesAreJudgedByTheirRequestsAndValues() {
        HealthProbe probe = new HealthProbe(aggregated(0.08, 1.5, 1200), RollbackSettings.defaults());
        HealthSnapshot s = probe.snapshot("hooks", "1.1", NOW);
        assertThat(s.state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(s.requests()).isEqualTo(1200);
        assertThat(s.summary()).contains("error rate 8.0% above the 5.0% limit")
                .contains("p95 latency 1500 ms above the 1000 ms limit").contains("over 1200 requests");
        assertThat(new HealthProbe(aggregated(0.01, 0.4, 1200), RollbackSettings.defaults())
                .snapshot("hooks", "1.0", NOW).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(new HealthProbe(aggregated(0.01, 0.4, 5), RollbackSettings.defaults())
                .snapshot("hooks", "1.0", NOW).state()).isEqualTo(HealthState.NO_DATA);
    }

    @Test
    void anUnavailableSourceGivesNoDataNotAFailure() {
        MetricsSource down = (deployment, version, metric, from, to) -> {
            throw new MetricsUnavailableException("prometheus at http://localhost:9090 did not answer");
        };
        HealthSnapshot s = new HealthProbe(down, RollbackSettings.defaults()).snapshot("hooks", "1.0", NOW);
        assertThat(s.state()).isEqualTo(HealthState.NO_DATA);
        assertThat(s.summary()).contains("metrics unavailable").contains("did not answer");
    }

    @Test
    void unreachableRegistriesAndIoFailuresAreRetriedDomainErrorsAreNot() {
        assertThat(RetryPolicy.isTransient(new RemoteUnavailableException("mlflow down", null))).isTrue();
        assertThat(RetryPolicy.isTransient(new UncheckedIOException(new java.io.IOException("reset")))).isTrue();
        assertThat(RetryPolicy.isTransient(new BadInputException("no version 9.9"))).isFalse();
        assertThat(RetryPolicy.defaults().backoff(1)).hasMillis(200);
        assertThat(RetryPolicy.defaults().backoff(2)).hasMillis(400);
        assertThat(RetryPolicy.defaults().backoff(5)).hasMillis(2000);
    }
}
