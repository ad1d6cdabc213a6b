package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * How distribution {@code b} differs from distribution {@code a} (b plays current, a baseline: differences are
 * b - a, the Mann-Whitney U is that of b, the KS sign is that of ECDF(b) - ECDF(a)).
 *
 * @param kolmogorovSmirnov     two-sample KS, SciPy's {@code ks_2samp(b, a)} with its default method
 * @param mannWhitney           two-sided Mann-Whitney, SciPy's {@code mannwhitneyu(b, a)}
 * @param medianDifference      median(b) - median(a) with its bootstrap interval
 * @param percentileDifferences p50, p90, p95 and p99 of b minus those of a, with bootstrap intervals
 */
@JsonPropertyOrder({"kolmogorov_smirnov", "mann_whitney", "median_difference", "percentile_differences",
        "bootstrap", "warnings"})
public record DistributionComparison(KolmogorovSmirnov kolmogorovSmirnov, MannWhitney mannWhitney,
                                     PercentileDifference medianDifference,
                                     List<PercentileDifference> percentileDifferences, Bootstrap bootstrap,
                                     List<String> warnings) {

    public DistributionComparison {
        percentileDifferences = List.copyOf(percentileDifferences);
        warnings = List.copyOf(warnings);
    }

    /**
     * @param statisticLocation the value where the ECDFs are furthest apart
     * @param statisticSign     +1 when ECDF(b) is above ECDF(a) there (b smaller), -1 when below (b larger)
     * @param method            exact (both groups up to 10,000 values) or asymptotic
     */
    @JsonPropertyOrder({"statistic", "p_value", "method", "statistic_location", "statistic_sign"})
    public record KolmogorovSmirnov(double statistic, @JsonProperty("p_value") double pValue, String method,
                                    double statisticLocation, int statisticSign) {
    }

    /** @param statistic U of b; @param method exact or asymptotic (SciPy's 'auto' choice) */
    @JsonPropertyOrder({"statistic", "p_value", "method"})
    public record MannWhitney(double statistic, @JsonProperty("p_value") double pValue, String method) {
    }

    /** @param percentile 50, 90, 95 or 99 (NumPy's linear percentile) */
    @JsonPropertyOrder({"percentile", "a", "b", "difference", "lower", "upper"})
    public record PercentileDifference(double percentile, double a, double b, double difference, double lower,
                                       double upper) {
    }

    /** The percentile bootstrap behind the intervals: resamples, confidence level and the generator's seed. */
    @JsonPropertyOrder({"resamples", "confidence_level", "seed"})
    public record Bootstrap(int resamples, double confidenceLevel, long seed) {
    }
}
