/**
 * Regression analysis: {@link io.promptdesk.engine.stats.PerformanceRegressionDetector} and its results.
 *
 * <p>Conventions, the same as SciPy 1.10 called as {@code f(current, baseline)}:
 * <ul>
 *   <li>Everything is current minus baseline: the t statistic, the mean difference and its interval, Cohen's d.</li>
 *   <li>{@code t_test}: Welch's t-test, {@code ttest_ind(current, baseline, equal_var=False)}; an undefined df
 *       (both variances zero) becomes 1, as in SciPy.</li>
 *   <li>{@code mann_whitney}: {@code mannwhitneyu(current, baseline)} with SciPy's default method choice (exact
 *       when a group has at most 8 values and nothing is tied, else the normal approximation with tie and
 *       continuity correction); the statistic is U of current.</li>
 *   <li>Direction {@code increase} is the alternative "greater", {@code decrease} "less", {@code both}
 *       two-sided.</li>
 *   <li>Kolmogorov-Smirnov: {@code ks_2samp(current, baseline)}, method 'auto' (exact up to 10,000 values per
 *       group, else asymptotic); a statistic sign of -1 means current's ECDF is below, i.e. current is larger.</li>
 *   <li>Trend: {@code linregress(x, values)}, x the timestamps or 0..n-1.</li>
 *   <li>Summary statistics: NumPy's mean, std (ddof 1), median, min, max; percentiles NumPy's 'linear'.</li>
 * </ul>
 * Where SciPy is inexact (its t quantile, moments near 1e12, constants such as 0.1 whose variance it computes as
 * 1e-33), the engine gives the exact answer instead. Undefined or infinite numbers are written to JSON as null,
 * and each result's warnings say why. Values are checked against every case of the shared SciPy reference.
 */
package io.promptdesk.engine.stats;
