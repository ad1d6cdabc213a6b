package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.metrics.Metric;

/**
 * One health metric of a rollout over time, one point per health check: the canary's and the stable version's
 * value over the check's window, in display units (percent for rates, milliseconds for latency), the absolute
 * threshold if the plan has one, and the last check's verdict with its reason.
 *
 * @param canary    the canary's points; checks where it served nothing are left out
 * @param stable    the stable version's points
 * @param threshold in display units, or null when the plan sets no absolute limit on this metric
 * @param until     the end of the time axis: now for an active rollout, its end for a finished one (plan minutes)
 * @param lastOutcome null before the first check
 */
public record MetricSeries(Metric metric, Line canary, Line stable, Double threshold, double until,
                           HealthOutcome lastOutcome, String lastReason) {

    /** Points in time order: x in plan minutes since the rollout started, y in display units. */
    public record Line(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }
}
