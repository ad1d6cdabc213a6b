package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;

/** Decides whether the canary's samples of a metric are worse than the stable version's over the same window. */
@FunctionalInterface
public interface HealthComparator {

    /**
     * @param higherIsWorse true for error rate and latency, false for engagement
     */
    Comparison compare(Metric metric, double[] stable, double[] canary, boolean higherIsWorse);

    /**
     * @param worse      the canary is significantly and materially worse
     * @param pValue     the comparison's p-value (NaN when undefined, e.g. both samples constant and equal)
     * @param effectSize standardised size of the change, canary minus stable
     */
    record Comparison(boolean worse, double pValue, double effectSize) {
    }
}
