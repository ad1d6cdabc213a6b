package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Percentiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Takes a health snapshot of one version: its recent requests against the controller's absolute limits. */
final class HealthProbe {
    private final MetricsSource metrics;
    private final RollbackSettings settings;

    HealthProbe(MetricsSource metrics, RollbackSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    HealthSnapshot snapshot(String model, String version, Instant now) {
        Instant from = now.minus(settings.healthWindow());
        double[] errors = metrics.samples(model, version, Metric.ERROR_RATE, from, now);
        double[] latency = metrics.samples(model, version, Metric.LATENCY_P95, from, now);
        double[] engagement = metrics.samples(model, version, Metric.ENGAGEMENT_RATE, from, now);
        double errorRate = Percentiles.mean(errors);
        double p95 = Percentiles.of(latency, 95);
        double engagementRate = Percentiles.mean(engagement);
        int n = errors.length;
        HealthState state;
        String summary;
        String window = " over " + n + " request" + (n == 1 ? "" : "s") + " in the last "
                + settings.healthWindow().toSeconds() + " s";
        if (n < settings.minRequests()) {
            state = HealthState.NO_DATA;
            summary = version + " served too little traffic to judge: " + n + " request" + (n == 1 ? "" : "s")
                    + " in the last " + settings.healthWindow().toSeconds() + " s, " + settings.minRequests()
                    + " needed";
        } else {
            List<String> beyond = new ArrayList<>();
            if (errorRate > settings.maxErrorRate()) {
                beyond.add(String.format(Locale.ROOT, "error rate %.1f%% above the %.1f%% limit", errorRate * 100,
                        settings.maxErrorRate() * 100));
            }
            if (p95 > settings.maxLatencyP95Seconds()) {
                beyond.add(String.format(Locale.ROOT, "p95 latency %.0f ms above the %.0f ms limit", p95 * 1000,
                        settings.maxLatencyP95Seconds() * 1000));
            }
            state = beyond.isEmpty() ? HealthState.HEALTHY : HealthState.UNHEALTHY;
            summary = beyond.isEmpty()
                    ? String.format(Locale.ROOT, "%s healthy: error rate %.1f%%, p95 latency %.0f ms", version,
                    errorRate * 100, p95 * 1000) + window
                    : version + " unhealthy: " + String.join(", ", beyond) + window;
        }
        return new HealthSnapshot(now, version, state, n, errorRate, p95, engagementRate, from, now, summary);
    }
}
