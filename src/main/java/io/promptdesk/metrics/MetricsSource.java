package io.promptdesk.metrics;

import java.time.Instant;

/**
 * The metrics port: what a deployment's version did over a time window, one sample per request (see {@link Metric}).
 * The embedded {@link SimulatedService} is one source; a Prometheus client is another.
 */
public interface MetricsSource {

    /**
     * The samples of requests served by {@code version} of {@code deployment} in [{@code from}, {@code to}), in time
     * order; empty when there were none. The caller must not modify the array.
     */
    double[] samples(String deployment, String version, Metric metric, Instant from, Instant to);
}
