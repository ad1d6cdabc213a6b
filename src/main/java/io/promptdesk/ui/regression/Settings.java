package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.Direction;

import java.util.List;

/**
 * One snapshot of the workspace's analysis settings, handed to background work (immutable, so the FX thread
 * can change the next one meanwhile).
 *
 * @param tests            "t_test" and/or "mann_whitney"
 * @param outlierThreshold modified z-score beyond which values are dropped; &lt;= 0 keeps all
 * @param dropNonFinite    drop NaN and infinities instead of rejecting the sample
 */
public record Settings(String metricName, List<String> tests, Direction direction, double confidence,
                       double minEffectSize, double outlierThreshold, boolean dropNonFinite,
                       TrendSeries trendSeries) {

    public Settings {
        tests = List.copyOf(tests);
    }
}
