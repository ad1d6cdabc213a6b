package io.promptdesk.metrics;

/**
 * What a metrics source knows of one version's metric over a window: the value a person reads (the rate, or
 * latency's 95th percentile), the points a comparison tests, and how much traffic stands behind them.
 * <p>
 * A source that sees every request (the simulated service) gives one point per request; a source that keeps only
 * aggregates (Prometheus) gives one point per step of a range query, each the metric over that step.
 *
 * @param value       the metric over the whole window; NaN when there is no data
 * @param points      per-request samples, or per-step values with the steps that had no data left out; callers
 *                    must not modify the array
 * @param requests    requests the version served in the window, or -1 when the source cannot say
 * @param granularity what one point stands for
 */
public record Observation(double value, double[] points, long requests, Granularity granularity) {

    /** What one point of an observation stands for. */
    public enum Granularity {
        /** One request: 0/1 for errors and engagements, seconds for latency. */
        REQUEST,
        /** One step of an aggregated series: the rate, or the latency quantile, over that step. */
        STEP
    }

    /** The observation of per-request samples: the value is their mean, or their 95th percentile for latency. */
    public static Observation ofRequests(Metric metric, double[] samples) {
        double value = metric == Metric.LATENCY_P95 ? Percentiles.of(samples, 95) : Percentiles.mean(samples);
        return new Observation(value, samples, samples.length, Granularity.REQUEST);
    }

    /** The observation of an aggregated series. */
    public static Observation ofSteps(double value, double[] points, long requests) {
        return new Observation(value, points, requests, Granularity.STEP);
    }

    /** How many requests or steps stand behind the points, as a health check reports it. */
    public long count() {
        return granularity == Granularity.REQUEST || requests < 0 ? points.length : requests;
    }
}
