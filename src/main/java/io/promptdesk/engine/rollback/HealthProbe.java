package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes a health snapshot of one version: its recent traffic against the controller's absolute limits. Works on
 * per-request samples (the simulated service) and on aggregated series (Prometheus) alike, through
 * {@link MetricsSource#observe}.
 */
final class HealthProbe {
    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);

    private final MetricsSource metrics;
    private final RollbackSettings settings;

    HealthProbe(MetricsSource metrics, RollbackSettings settings) {
        this.metrics = metrics;
        this.settings = settings;
    }

    /**
     * A snapshot; when the metrics cannot be read it says so ({@code no_data}) rather than fail: an emergency
     * rollback must not wait for the monitoring to come back.
     */
    HealthSnapshot snapshot(String model, String version, Instant now) {
        Instant from = now.minus(settings.healthWindow());
        Observation errors;
        Observation latency;
        Observation engagement;
        try {
            errors = metrics.observe(model, version, Metric.ERROR_RATE, from, now);
            latency = metrics.observe(model, version, Metric.LATENCY_P95, from, now);
            engagement = metrics.observe(model, version, Metric.ENGAGEMENT_RATE, from, now);
        } catch (RuntimeException e) {
            LOG.warn("health of {} {} could not be read: {}", model, version, e.toString());
            return new HealthSnapshot(now, version, HealthState.NO_DATA, 0, Double.NaN, Double.NaN, Double.NaN, from,
                    now, version + ": metrics unavailable (" + e.getMessage() + ")");
        }
        double errorRate = errors.value();
        double p95 = latency.value();
        int n = (int) Math.min(Integer.MAX_VALUE, Math.max(0, errors.requests()));
        String window = " over " + n + " request" + (n == 1 ? "" : "s") + " in the last "
                + settings.healthWindow().toSeconds() + " s";
        HealthState state;
        String summary;
        if (!enough(errors)) {
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
        return new HealthSnapshot(now, version, state, n, errorRate, p95, engagement.value(), from, now, summary);
    }

    /**
     * A snapshot that takes at most {@code budget}: read on a thread of its own, and recorded as unknown
     * ({@code no_data}, saying why) when the metrics source has not answered in time. What the rollback's switch
     * waits on before it acts, so a hung Prometheus cannot delay it.
     */
    HealthSnapshot snapshotWithin(String model, String version, Instant now, Duration budget) {
        CompletableFuture<HealthSnapshot> read = CompletableFuture.supplyAsync(() -> snapshot(model, version, now),
                r -> {
                    Thread t = new Thread(r, "pre-rollback-health");
                    t.setDaemon(true);
                    t.start();
                });
        try {
            return read.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            LOG.warn("health of {} {} not read within {} ms: recorded as unknown", model, version, budget.toMillis());
            Instant from = now.minus(settings.healthWindow());
            return new HealthSnapshot(now, version, HealthState.NO_DATA, 0, Double.NaN, Double.NaN, Double.NaN, from,
                    now, version + ": health unknown - the metrics source did not answer within "
                    + budget.toMillis() + " ms, and the rollback does not wait for it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the health of " + model + " " + version, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Enough traffic for a verdict; an aggregating source that cannot count requests needs some data at least. */
    private boolean enough(Observation o) {
        return o.requests() < 0 ? o.points().length > 0 && !Double.isNaN(o.value())
                : o.requests() >= settings.minRequests();
    }
}
