package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.CheckTrigger;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.MetricVerdict;
import io.promptdesk.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutFormatTest {
    private static final Instant AT = Instant.parse("2025-03-01T10:05:00Z");

    private static MetricVerdict verdict(Metric m, HealthOutcome o, String reason) {
        return new MetricVerdict(m, o, 0.1, 0.1, 100, 900, Double.NaN, Double.NaN, null, reason);
    }

    private static HealthCheck check(HealthOutcome outcome, MetricVerdict... verdicts) {
        return new HealthCheck("ro-1", 3, AT, "rollout-manager", CheckTrigger.SCHEDULED, 1, 25, outcome,
                AT.minusSeconds(120), AT, List.of(verdicts));
    }

    @Test
    void theLastCheckNamesTheMetricsThatDecidedIt() {
        HealthCheck unhealthy = check(HealthOutcome.UNHEALTHY,
                verdict(Metric.ERROR_RATE, HealthOutcome.UNHEALTHY, "increased: canary 8.00% vs stable 1.00%"),
                verdict(Metric.LATENCY_P95, HealthOutcome.HEALTHY, "no harmful change"),
                verdict(Metric.ENGAGEMENT_RATE, HealthOutcome.UNHEALTHY, "decreased: canary 20% vs stable 30%"));
        assertThat(RolloutFormat.lastCheck(unhealthy, ZoneOffset.UTC)).isEqualTo("Last check 2025-03-01 10:05:00 "
                + "at 25%: unhealthy - error_rate: increased: canary 8.00% vs stable 1.00%; engagement_rate: "
                + "decreased: canary 20% vs stable 30%");
    }

    @Test
    void metricsHeldBackByTheSameCauseAreNamedOnce() {
        String scarce = "too little data: the canary served 120 and the stable version 95 requests in the window";
        HealthCheck inconclusive = check(HealthOutcome.INCONCLUSIVE,
                verdict(Metric.ERROR_RATE, HealthOutcome.INCONCLUSIVE, scarce),
                verdict(Metric.LATENCY_P95, HealthOutcome.INCONCLUSIVE, scarce));
        assertThat(RolloutFormat.lastCheck(inconclusive, ZoneOffset.UTC))
                .endsWith("inconclusive - error_rate, latency_p95: " + scarce);
        assertThat(RolloutFormat.lastCheck(check(HealthOutcome.HEALTHY,
                verdict(Metric.ERROR_RATE, HealthOutcome.HEALTHY, "fine")), ZoneOffset.UTC))
                .endsWith("healthy - error_rate no worse than stable");
        assertThat(RolloutFormat.lastCheck(null, ZoneOffset.UTC)).startsWith("No health check yet");
    }

    @Test
    void durationsAndScalesReadAsPeopleWriteThem() {
        assertThat(RolloutFormat.duration(Duration.ofSeconds(65))).isEqualTo("1:05");
        assertThat(RolloutFormat.duration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(RolloutFormat.duration(Duration.ofSeconds(-5))).isEqualTo("0:00");
        assertThat(RolloutFormat.scale(60)).isEqualTo("60x");
        assertThat(RolloutFormat.unit(Metric.LATENCY_P95)).isEqualTo("ms");
        assertThat(RolloutFormat.displayFactor(Metric.ERROR_RATE)).isEqualTo(100);
    }
}
