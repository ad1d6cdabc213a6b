package io.promptdesk.ui.regression;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.promptdesk.engine.stats.DistributionComparison;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.engine.stats.TrendResult;

/**
 * The exported report: where the samples came from, the settings, the spec's regression result (its keys
 * unchanged under {@code regression}), the distribution comparison and the trend (null when it could not be
 * fitted). Written with the project's JSON mapper: snake_case keys, undefined numbers as null.
 */
@JsonPropertyOrder({"baseline", "current", "settings", "regression", "distributions", "trend"})
record RegressionReport(Source baseline, Source current, Settings settings, RegressionResult regression,
                        DistributionComparison distributions, TrendResult trend) {

    /** @param values how many values were read, before dropping non-finite values and outliers */
    @JsonPropertyOrder({"description", "values"})
    record Source(String description, int values) {
    }

    static RegressionReport of(AnalysisOutcome outcome) {
        SampleShapes s = outcome.shapes();
        return new RegressionReport(new Source(s.baseline().description(), s.baseline().size()),
                new Source(s.current().description(), s.current().size()), outcome.settings(),
                outcome.analysis().regression(), outcome.analysis().distributions(),
                outcome.trend() == null ? null : outcome.trend().fit());
    }
}
