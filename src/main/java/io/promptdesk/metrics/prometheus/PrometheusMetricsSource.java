package io.promptdesk.metrics.prometheus;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.Observation;

import java.time.Duration;
import java.time.Instant;

/**
 * The metrics port on Prometheus: a version's metric over a window is its health query evaluated once over the
 * whole window (the value a person reads), and as a range query, step by step (the series the regression engine
 * compares with the other version's). Empty results are "no data" (a check stays inconclusive); a server that
 * cannot answer raises {@link PrometheusQueryException}, which also makes the check inconclusive.
 * <p>
 * Steps are at least one scrape interval and divide the window into at most {@link #MAX_STEPS}; each step's rate
 * window covers at least four scrapes, the usual floor for {@code rate()} to see enough samples. Thread-safe.
 */
public final class PrometheusMetricsSource implements MetricsSource, AutoCloseable {
    public static final int MAX_STEPS = 60;
    public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_QUERY_BUDGET = Duration.ofSeconds(10);

    private final PrometheusClient client;
    private final HealthQueries queries;
    private final Duration scrapeInterval;
    private final Duration budget;

    /**
     * @param scrapeInterval how often Prometheus scrapes the service: the finest step that means anything
     * @param budget         how long one query may take, retries included
     */
    public PrometheusMetricsSource(PrometheusClient client, HealthQueries queries, Duration scrapeInterval,
                                   Duration budget) {
        this.client = client;
        this.queries = queries;
        this.scrapeInterval = scrapeInterval;
        this.budget = budget;
    }

    public HealthQueries queries() {
        return queries;
    }

    @Override
    public double[] samples(String deployment, String version, Metric metric, Instant from, Instant to) {
        return observe(deployment, version, metric, from, to).points();
    }

    @Override
    public Observation observe(String deployment, String version, Metric metric, Instant from, Instant to) {
        Duration window = Duration.between(from, to);
        if (window.isNegative() || window.isZero()) {
            return Observation.ofSteps(Double.NaN, new double[0], 0);
        }
        String whole = queries.render(deployment, metric.key(), version, window);
        double value = client.query(whole, to, budget).singleValue(whole);
        Duration step = step(window);
        Duration rateWindow = rateWindow(step);
        Instant first = from.plus(rateWindow);
        double[] points = new double[0];
        if (!first.isAfter(to)) {
            String perStep = queries.render(deployment, metric.key(), version, rateWindow);
            QueryResult series = client.queryRange(perStep, first, to, step, budget);
            if (series.series().size() > 1) {
                throw new PrometheusQueryException("the " + metric.key() + " query returned " + series.series().size()
                        + " series for " + deployment + " " + version + "; it must aggregate them to one: " + perStep);
            }
            points = series.isEmpty() ? points : series.series().get(0).finiteValues();
        }
        return Observation.ofSteps(value, points, requests(deployment, version, window, to));
    }

    /** The version's requests in the window, or -1 when no requests query is configured. */
    private long requests(String deployment, String version, Duration window, Instant to) {
        if (!queries.has(deployment, HealthQueries.REQUESTS)) {
            return -1;
        }
        String q = queries.render(deployment, HealthQueries.REQUESTS, version, window);
        double n = client.query(q, to, budget).singleValue(q);
        return Double.isFinite(n) ? Math.round(n) : 0;
    }

    Duration step(Duration window) {
        Duration even = window.dividedBy(MAX_STEPS);
        return even.compareTo(scrapeInterval) > 0 ? Duration.ofMillis(Math.max(1, even.toMillis())) : scrapeInterval;
    }

    Duration rateWindow(Duration step) {
        Duration floor = scrapeInterval.multipliedBy(4);
        return step.compareTo(floor) > 0 ? step : floor;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "Prometheus metrics from " + client.endpoint().baseUrl() + " (scrape interval "
                + scrapeInterval.toMillis() + " ms)";
    }
}
