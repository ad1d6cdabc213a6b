package io.promptdesk.metrics;

import java.time.Instant;

/**
 * The metrics port: what a deployment's version did over a time window. The embedded {@link SimulatedService} sees
 * every request and gives one sample per request (see {@link Metric}); a Prometheus source keeps only aggregates and
 * answers {@link #observe} with a series of per-step values.
 */
public interface MetricsSource {

    /**
     * The samples of requests served by {@code version} of {@code deployment} in [{@code from}, {@code to}), in time
     * order; empty when there were none. A source that keeps only aggregates returns the per-step values of
     * {@link #observe} instead. The caller must not modify the array.
     *
     * @throws MetricsUnavailableException when the source cannot answer
     */
    double[] samples(String deployment, String version, Metric metric, Instant from, Instant to);

    /**
     * What a health check compares for the version's metric over [{@code from}, {@code to}): by default the
     * per-request {@link #samples}.
     *
     * @throws MetricsUnavailableException when the source cannot answer; the health check is then inconclusive
     */
    default Observation observe(String deployment, String version, Metric metric, Instant from, Instant to) {
        return Observation.ofRequests(metric, samples(deployment, version, metric, from, to));
    }
}
