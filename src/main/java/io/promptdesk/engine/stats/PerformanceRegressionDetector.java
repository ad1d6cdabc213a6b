package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The spec's PerformanceRegressionDetector: is current worse than baseline, with numbers that agree with SciPy.
 *
 * <p>Conventions. Everything is current minus baseline. {@code t_test} is Welch's t-test of current against
 * baseline (SciPy {@code ttest_ind(current, baseline, equal_var=False)}); {@code mann_whitney} is SciPy's
 * {@code mannwhitneyu(current, baseline)} with its default method (exact when a group has at most 8 values and
 * nothing is tied, else the normal approximation with tie and continuity correction), reporting U of current.
 * Direction {@code increase} tests current &gt; baseline (one-sided, "greater"), {@code decrease} the reverse,
 * {@code both} is two-sided; a change against the considered direction is never a regression. The effect size is
 * Cohen's d with the pooled sample SD (ddof 1); the interval is Welch's for the mean difference at the
 * confidence level. {@code p_value} is the largest p-value of the tests used and {@code confidence} = 1 - p_value.
 * A regression is reported when p_value &lt; 1 - confidence_level, |effect_size| &gt;= min_effect_size and the
 * mean moved in the considered direction. Outliers are values whose modified z-score 0.6745 (x - median) / MAD
 * exceeds the outlier threshold in absolute value, per group; a threshold &lt;= 0 turns filtering off, and a group
 * whose MAD is zero is left as it is.
 *
 * <p>Immutable and thread-safe. Large inputs are sorted on two threads, the second on the given executor.
 */
public final class PerformanceRegressionDetector {

    public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;
    public static final double DEFAULT_MIN_EFFECT_SIZE = 0.5;
    public static final double DEFAULT_OUTLIER_THRESHOLD = 3.0;
    public static final long DEFAULT_BOOTSTRAP_SEED = 20_240_607L;
    public static final int DEFAULT_BOOTSTRAP_RESAMPLES = 2_000;
    /** The percentiles {@link #compareDistributions} reports. */
    public static final double[] PERCENTILES = {50, 90, 95, 99};

    private final double confidenceLevel;
    private final double minEffectSize;
    private final double outlierThreshold;
    private final long bootstrapSeed;
    private final int bootstrapResamples;
    private final Executor executor;

    public PerformanceRegressionDetector() {
        this(DEFAULT_CONFIDENCE_LEVEL, DEFAULT_MIN_EFFECT_SIZE, DEFAULT_OUTLIER_THRESHOLD);
    }

    public PerformanceRegressionDetector(double confidenceLevel, double minEffectSize, double outlierThreshold) {
        this(confidenceLevel, minEffectSize, outlierThreshold, DEFAULT_BOOTSTRAP_SEED, DEFAULT_BOOTSTRAP_RESAMPLES,
                ForkJoinPool.commonPool());
    }

    /**
     * @param bootstrapSeed      seed of the generator behind the percentile intervals of compareDistributions
     * @param bootstrapResamples number of bootstrap resamples (at least 1)
     * @param executor           runs the second sort of large inputs
     */
    public PerformanceRegressionDetector(double confidenceLevel, double minEffectSize, double outlierThreshold,
                                         long bootstrapSeed, int bootstrapResamples, Executor executor) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new BadInputException("confidence level " + confidenceLevel + " must lie strictly between 0 and 1");
        }
        if (!(minEffectSize >= 0) || Double.isInfinite(minEffectSize)) {
            throw new BadInputException("minimum effect size " + minEffectSize + " must be a number >= 0");
        }
        if (Double.isNaN(outlierThreshold)) {
            throw new BadInputException("outlier threshold must be a number (<= 0 turns filtering off)");
        }
        if (bootstrapResamples < 1) {
            throw new BadInputException("bootstrap resamples must be at least 1, not " + bootstrapResamples);
        }
        this.confidenceLevel = confidenceLevel;
        this.minEffectSize = minEffectSize;
        this.outlierThreshold = outlierThreshold;
        this.bootstrapSeed = bootstrapSeed;
        this.bootstrapResamples = bootstrapResamples;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public double confidenceLevel() {
        return confidenceLevel;
    }

    public double minEffectSize() {
        return minEffectSize;
    }

    public double outlierThreshold() {
        return outlierThreshold;
    }

    /** Rejects NaN and infinities; see {@link #detectRegression(double[], double[], String, List, Direction, boolean)}. */
    public RegressionResult detectRegression(double[] baseline, double[] current, String metricName,
                                             List<String> tests, Direction direction) {
        return detectRegression(baseline, current, metricName, tests, direction, false);
    }

    /**
     * @param tests         "t_test" and/or "mann_whitney"; null or empty means both
     * @param direction     null means both
     * @param dropNonFinite drop NaN and infinities (counted in a warning) instead of rejecting them
     * @throws BadInputException for a non-finite value (unless dropped), an empty group or an unknown test
     */
    public RegressionResult detectRegression(double[] baseline, double[] current, String metricName,
                                             List<String> tests, Direction direction, boolean dropNonFinite) {
        List<StatisticalTest> chosen = StatisticalTest.parseAll(tests);
        TwoGroups groups = TwoGroups.prepare(baseline, "baseline", current, "current", dropNonFinite, executor);
        return new RegressionAnalysis(confidenceLevel, minEffectSize, outlierThreshold)
                .analyse(groups, metricName == null || metricName.isBlank() ? "metric" : metricName, chosen,
                        direction == null ? Direction.BOTH : direction, new PooledScan.Cache(executor));
    }

    /** Rejects NaN and infinities; see {@link #calculateTrend(double[], double[], boolean)}. */
    public TrendResult calculateTrend(double[] values, double[] timestamps) {
        return calculateTrend(values, timestamps, false);
    }

    /**
     * Least-squares trend of {@code values} over {@code timestamps}, or over the index 0..n-1 when they are null.
     *
     * @param dropNonFinite drop points whose value or timestamp is not finite; remaining points keep their index
     * @throws BadInputException fewer than two points, lengths that differ, equal timestamps, non-finite numbers
     */
    public TrendResult calculateTrend(double[] values, double[] timestamps, boolean dropNonFinite) {
        return TrendInput.of(values, timestamps, dropNonFinite).fit();
    }

    /** Rejects NaN and infinities; see {@link #compareDistributions(double[], double[], boolean)}. */
    public DistributionComparison compareDistributions(double[] a, double[] b) {
        return compareDistributions(a, b, false);
    }

    /**
     * Kolmogorov-Smirnov, Mann-Whitney and bootstrap intervals for b minus a at p50, p90, p95 and p99. No outlier
     * filtering: the tails are the point.
     */
    public DistributionComparison compareDistributions(double[] a, double[] b, boolean dropNonFinite) {
        TwoGroups groups = TwoGroups.prepare(a, "a", b, "b", dropNonFinite, executor);
        return new DistributionAnalysis(confidenceLevel, bootstrapResamples, bootstrapSeed)
                .compare(groups, new PooledScan.Cache(executor));
    }

    /**
     * Both analyses from one sort of each group, as the Regression workspace shows them: the regression verdict
     * (baseline and current) and the distribution comparison (a = baseline, b = current).
     */
    public Analysis analyse(double[] baseline, double[] current, String metricName, List<String> tests,
                            Direction direction, boolean dropNonFinite) {
        List<StatisticalTest> chosen = StatisticalTest.parseAll(tests);
        TwoGroups groups = TwoGroups.prepare(baseline, "baseline", current, "current", dropNonFinite, executor);
        PooledScan.Cache scans = new PooledScan.Cache(executor);
        RegressionResult regression = new RegressionAnalysis(confidenceLevel, minEffectSize, outlierThreshold)
                .analyse(groups, metricName == null || metricName.isBlank() ? "metric" : metricName, chosen,
                        direction == null ? Direction.BOTH : direction, scans);
        DistributionComparison distributions =
                new DistributionAnalysis(confidenceLevel, bootstrapResamples, bootstrapSeed).compare(groups, scans);
        return new Analysis(regression, distributions);
    }

    /** The regression verdict and the distribution comparison of one pair of samples. */
    public record Analysis(RegressionResult regression, DistributionComparison distributions) {
    }

    static List<String> droppedWarnings(TwoGroups groups, String first, String second) {
        List<String> warnings = new ArrayList<>();
        if (groups.droppedFirst() > 0) {
            warnings.add("dropped " + groups.droppedFirst() + " non-finite value(s) (NaN or infinity) from " + first);
        }
        if (groups.droppedSecond() > 0) {
            warnings.add("dropped " + groups.droppedSecond() + " non-finite value(s) (NaN or infinity) from " + second);
        }
        return warnings;
    }
}
