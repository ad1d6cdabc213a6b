package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The spec's {@code detect_regression} result. Everything is current minus baseline; numbers that are undefined
 * (NaN) or infinite are written to JSON as null, and {@link #warnings()} says why.
 *
 * @param regressionDetected p_value &lt; 1 - confidence_level, |effect_size| &gt;= min_effect_size and the change
 *                           in the considered direction
 * @param confidence         1 - p_value
 * @param pValue             the largest p-value of the tests used
 * @param effectSize         Cohen's d with the pooled sample standard deviation (ddof 1)
 * @param confidenceInterval Welch interval of mean(current) - mean(baseline) at the detector's confidence level
 */
@JsonPropertyOrder({"regression_detected", "confidence", "p_value", "effect_size", "statistical_tests",
        "summary_statistics", "confidence_interval", "recommendation", "metric_name", "direction",
        "outliers_removed", "warnings"})
public record RegressionResult(boolean regressionDetected, double confidence,
                               @JsonProperty("p_value") double pValue, double effectSize,
                               StatisticalTests statisticalTests, SummaryStatistics summaryStatistics,
                               ConfidenceInterval confidenceInterval, String recommendation, String metricName,
                               Direction direction, OutliersRemoved outliersRemoved, List<String> warnings) {

    public RegressionResult {
        warnings = List.copyOf(warnings);
    }

    /** One test's statistic and p-value; {@code significant} when p &lt; 1 - confidence_level. */
    @JsonPropertyOrder({"statistic", "p_value", "significant"})
    public record TestResult(double statistic, @JsonProperty("p_value") double pValue, boolean significant) {
    }

    /** The tests that were asked for; a test not used is absent from JSON. */
    @JsonPropertyOrder({"t_test", "mann_whitney"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatisticalTests(@JsonProperty("t_test") TestResult tTest,
                                   @JsonProperty("mann_whitney") TestResult mannWhitney) {
    }

    /** NumPy's mean, std (ddof 1), median, min and max of one group, after outlier removal. */
    @JsonPropertyOrder({"mean", "std", "median", "min", "max"})
    public record GroupSummary(double mean, double std, double median, double min, double max) {
    }

    @JsonPropertyOrder({"baseline", "current"})
    public record SummaryStatistics(GroupSummary baseline, GroupSummary current) {
    }

    @JsonPropertyOrder({"lower", "upper"})
    public record ConfidenceInterval(double lower, double upper) {
    }

    @JsonPropertyOrder({"baseline", "current"})
    public record OutliersRemoved(int baseline, int current) {
    }
}
