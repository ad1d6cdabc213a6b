package io.promptdesk.metrics;

import java.util.Arrays;

/**
 * Cumulative counters of one version since the service started, as Prometheus reads them: requests by outcome,
 * engagements, and a latency histogram with Prometheus's default buckets.
 */
public record VersionCounters(String deployment, String version, long successes, long errors, long engagements,
                              double latencySumSeconds, long[] bucketCounts) {

    /** Upper bounds of the latency buckets in seconds; the last bucket, +Inf, is implicit. */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    public VersionCounters {
        bucketCounts = bucketCounts.clone();
    }

    public static double[] bucketBounds() {
        return BOUNDS.clone();
    }

    public long requests() {
        return successes + errors;
    }

    /** Non-cumulative counts per bucket (the last is +Inf). */
    @Override
    public long[] bucketCounts() {
        return bucketCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionCounters v && deployment.equals(v.deployment) && version.equals(v.version)
                && successes == v.successes && errors == v.errors && engagements == v.engagements
                && latencySumSeconds == v.latencySumSeconds && Arrays.equals(bucketCounts, v.bucketCounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * deployment.hashCode() + version.hashCode()) + Arrays.hashCode(bucketCounts);
    }

    @Override
    public String toString() {
        return deployment + "/" + version + ": " + requests() + " requests, " + errors + " errors, " + engagements
                + " engagements";
    }

    /** The mutable tally behind a snapshot. */
    static final class Tally {
        long successes;
        long errors;
        long engagements;
        double latencySum;
        final long[] buckets = new long[BOUNDS.length + 1];

        void add(double latency, boolean error, boolean engaged) {
            if (error) {
                errors++;
            } else {
                successes++;
            }
            if (engaged) {
                engagements++;
            }
            latencySum += latency;
            int b = 0;
            while (b < BOUNDS.length && latency > BOUNDS[b]) {
                b++;
            }
            buckets[b]++;
        }

        VersionCounters snapshot(String deployment, String version) {
            return new VersionCounters(deployment, version, successes, errors, engagements, latencySum, buckets);
        }
    }
}
