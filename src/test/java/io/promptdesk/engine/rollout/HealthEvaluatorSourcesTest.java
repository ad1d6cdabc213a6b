package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.MetricsUnavailableException;
import io.promptdesk.metrics.Observation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Health checks from sources that keep only aggregates, or cannot answer at all. */
class HealthEvaluatorSourcesTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant NOW = T0.plusSeconds(120);

    private static HealthCheck check(MetricsSource source) {
        RolloutPlan plan = RolloutPlan.of(50, List.of(50, 100), null, null, Duration.ofMinutes(5),
                Duration.ofSeconds(30), UnhealthyPolicy.PAUSE);
        Rollout r = new Rollout("ro-test", "hooks", "1.1", "1.0", plan, RolloutStatus.IN_PROGRESS, 0, 50, T0, T0,
                null, null, null, 1);
        return new HealthEvaluator(source, new RegressionHealthComparator(), 200, 10_000, 1)
                .evaluate(r, NOW, CheckTrigger.SCHEDULED, "test");
    }

    /** A source answering with per-step series: the canary's shifted by {@code canaryShift}. */
    private static MetricsSource series(int steps, double canaryShift, long requests) {
        return new MetricsSource() {
            @Override
            public double[] samples(String d, String v, Metric m, Instant from, Instant to) {
                return observe(d, v, m, from, to).points();
            }

            @Override
            public Observation observe(String d, String v, Metric m, Instant from, Instant to) {
                SplittableRandom random = new SplittableRandom(v.hashCode() * 31L + m.ordinal());
                double[] points = new double[steps];
                double shift = v.equals("1.1") ? canaryShift : 0;
                for (int i = 0; i < steps; i++) {
                    points[i] = 0.02 + shift + random.nextDouble() * 0.004;
                }
                return Observation.ofSteps(0.022 + shift, points, requests);
            }
        };
    }

    @Test
    void aggregatedSeriesThatMatchAreHealthy() {
        HealthCheck c = check(series(24, 0, 5_000));
        assertThat(c.outcome()).isEqualTo(HealthOutcome.HEALTHY);
        assertThat(c.verdicts()).allSatisfy(v -> assertThat(v.canarySamples()).isEqualTo(5_000));
    }

    @Test
    void aCanarySeriesClearlyWorseIsUnhealthy() {
        HealthCheck c = check(series(24, 0.05, 5_000));
        assertThat(c.outcome()).isEqualTo(HealthOutcome.UNHEALTHY);
        assertThat(c.explanation()).contains("error_rate: increased").contains("latency_p95: increased");
    }

    @Test
    void tooFewStepsOrRequestsAreInconclusive() {
        HealthCheck fewSteps = check(series(HealthEvaluator.MIN_STEPS - 1, 0.05, 5_000));
        assertThat(fewSteps.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(fewSteps.verdicts().get(0).reason()).startsWith("too little data: the canary has 4 steps");
        assertThat(check(series(24, 0.05, 10)).outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(check(series(0, 0, -1)).outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
    }

    @Test
    void aSourceThatCannotAnswerMakesTheCheckInconclusiveWithItsReason() {
        MetricsSource down = (d, v, m, from, to) -> {
            throw new MetricsUnavailableException("Prometheus at http://127.0.0.1:9 is not answering");
        };
        HealthCheck c = check(down);
        assertThat(c.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(c.verdicts()).allSatisfy(v -> assertThat(v.reason())
                .isEqualTo("no metrics: Prometheus at http://127.0.0.1:9 is not answering"));
        assertThat(c.canaryValues()).containsOnlyKeys("error_rate", "latency_p95", "engagement_rate");
    }

    @Test
    void oneFailingMetricDoesNotHideTheOthers() {
        MetricsSource healthy = series(24, 0, 5_000);
        MetricsSource partly = new MetricsSource() {
            @Override
            public double[] samples(String d, String v, Metric m, Instant from, Instant to) {
                return new double[0];
            }

            @Override
            public Observation observe(String d, String v, Metric m, Instant from, Instant to) {
                if (m == Metric.ENGAGEMENT_RATE) {
                    throw new MetricsUnavailableException("query refused");
                }
                return healthy.observe(d, v, m, from, to);
            }
        };
        HealthCheck c = check(partly);
        assertThat(c.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(c.verdicts()).extracting(MetricVerdict::outcome).containsExactly(HealthOutcome.HEALTHY,
                HealthOutcome.HEALTHY, HealthOutcome.INCONCLUSIVE);
        assertThat(Map.of("reason", c.explanation())).containsValue("engagement_rate: no metrics: query refused");
    }

    /** A source whose every value is {@code value}: what a broken exporter or a lying proxy answers. */
    private static MetricsSource constant(double value, long requests) {
        return new MetricsSource() {
            @Override
            public double[] samples(String d, String v, Metric m, Instant from, Instant to) {
                return observe(d, v, m, from, to).points();
            }

            @Override
            public Observation observe(String d, String v, Metric m, Instant from, Instant to) {
                double[] points = new double[24];
                java.util.Arrays.fill(points, value);
                return Observation.ofSteps(value, points, requests);
            }
        };
    }

    @Test
    void valuesThatCannotBeTrueAreNoValidDataAndHoldTheStage() {
        // -5 for every query: an error rate of -500 % and a p95 of -5 s once passed as healthy.
        HealthCheck negative = check(constant(-5, 5_000));
        assertThat(negative.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(negative.verdicts()).allSatisfy(v -> {
            assertThat(v.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
            assertThat(v.reason()).startsWith("no valid data: ").contains("negative");
        });
        HealthCheck above = check(constant(1.5, 5_000));
        assertThat(above.verdicts().get(0).reason()).contains("above 100%");
        assertThat(above.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE);
        assertThat(check(constant(Double.POSITIVE_INFINITY, 5_000)).verdicts())
                .allSatisfy(v -> assertThat(v.reason()).contains("infinite"));
        assertThat(check(constant(0.02, -7)).verdicts())
                .allSatisfy(v -> assertThat(v.reason()).contains("request count is negative"));
        // A latency above one second is a plausible value, not a broken one.
        assertThat(HealthEvaluator.invalid(Metric.LATENCY_P95, Observation.ofSteps(2.5, new double[]{2.4, 2.6}, 10),
                "the canary")).isNull();
    }
}
