package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.List;

/** One {@code detectRegression} run over prepared groups: outliers, moments, the tests, the verdict. */
final class RegressionAnalysis {

    private final double confidenceLevel;
    private final double minEffectSize;
    private final double outlierThreshold;

    RegressionAnalysis(double confidenceLevel, double minEffectSize, double outlierThreshold) {
        this.confidenceLevel = confidenceLevel;
        this.minEffectSize = minEffectSize;
        this.outlierThreshold = outlierThreshold;
    }

    RegressionResult analyse(TwoGroups groups, String metric, List<StatisticalTest> tests, Direction direction) {
        return analyse(groups, metric, tests, direction, new PooledScan.Cache(null));
    }

    RegressionResult analyse(TwoGroups groups, String metric, List<StatisticalTest> tests, Direction direction,
                             PooledScan.Cache scans) {
        List<String> warnings = PerformanceRegressionDetector.droppedWarnings(groups, "baseline", "current");
        SortedSample baseline = trim(groups.first(), "baseline", warnings);
        SortedSample current = trim(groups.second(), "current", warnings);
        double shift = baseline.median();
        SortedSample.Moments mb = baseline.moments(shift);
        SortedSample.Moments mc = current.moments(shift);
        for (SortedSample.Moments m : List.of(mb, mc)) {
            if (m.n() < 2) {
                warnings.add((m == mb ? "baseline" : "current") + " has a single value: its standard deviation, the "
                        + "t-test, the confidence interval and the effect size are undefined (null)");
            }
        }
        double alpha = 1 - confidenceLevel;
        Alternative alternative = direction.alternative();
        WelchTest welch = WelchTest.of(mc, mb);
        RegressionResult.TestResult tTest = null;
        RegressionResult.TestResult mannWhitney = null;
        double pValue = Double.NEGATIVE_INFINITY;
        boolean anyUndefined = false;
        if (tests.contains(StatisticalTest.T_TEST)) {
            double p = welch.pValue(alternative);
            tTest = new RegressionResult.TestResult(welch.t(), p, p < alpha);
            explainT(welch, mb, mc, warnings);
            anyUndefined |= Double.isNaN(p);
            pValue = Double.isNaN(p) ? pValue : Math.max(pValue, p);
        }
        if (tests.contains(StatisticalTest.MANN_WHITNEY)) {
            PooledScan scan = scans.of(current, baseline);
            MannWhitneyTest.Result mw = MannWhitneyTest.test(scan, alternative);
            if (MannWhitneyTest.chooseMethod(scan) != mw.method()) {
                warnings.add("mann_whitney: the exact distribution for " + scan.nCurrent() + " against "
                        + scan.nBaseline() + " values is too large to form; the normal approximation is used");
            }
            mannWhitney = new RegressionResult.TestResult(mw.u(), mw.pValue(), mw.pValue() < alpha);
            pValue = Math.max(pValue, mw.pValue());
        }
        if (pValue == Double.NEGATIVE_INFINITY) {
            pValue = Double.NaN;
            warnings.add("p_value is undefined (null): no test used is defined for these samples");
        } else if (anyUndefined) {
            warnings.add("p_value comes from mann_whitney alone: the t-test is undefined for these samples");
        }
        double effectSize = CohensD.of(mc, mb);
        explainEffectSize(effectSize, mb, mc, warnings);
        double[] ci = welch.interval(confidenceLevel);
        if (Double.isNaN(ci[0])) {
            warnings.add("confidence_interval is undefined (null): a group has a single value");
        }
        boolean detected = pValue < alpha && Math.abs(effectSize) >= minEffectSize
                && direction.matches(welch.difference());
        String recommendation = Recommendation.of(metric, detected, mb.mean(), mc.mean(), effectSize, pValue,
                confidenceLevel, minEffectSize, direction);
        return new RegressionResult(detected, 1 - pValue, pValue, effectSize,
                new RegressionResult.StatisticalTests(tTest, mannWhitney),
                new RegressionResult.SummaryStatistics(summary(baseline, mb), summary(current, mc)),
                new RegressionResult.ConfidenceInterval(ci[0], ci[1]), recommendation, metric, direction,
                new RegressionResult.OutliersRemoved(groups.first().size() - baseline.size(),
                        groups.second().size() - current.size()), warnings);
    }

    private SortedSample trim(SortedSample sample, String group, List<String> warnings) {
        if (sample.size() == 0) {
            throw new BadInputException(group + " has no values: at least one is needed, two for a t-test");
        }
        if (!(outlierThreshold > 0) || sample.size() < 3) {
            return sample;
        }
        if (!(sample.medianAbsoluteDeviation(sample.median()) > 0)) {
            warnings.add(group + ": outlier filtering skipped, the median absolute deviation is 0 (more than half "
                    + "the values are equal, so any other value would be an outlier)");
            return sample;
        }
        return sample.withoutOutliers(outlierThreshold);
    }

    private static RegressionResult.GroupSummary summary(SortedSample s, SortedSample.Moments m) {
        return new RegressionResult.GroupSummary(m.mean(), m.std(), s.median(), s.min(), s.max());
    }

    private static void explainT(WelchTest welch, SortedSample.Moments mb, SortedSample.Moments mc,
                                 List<String> warnings) {
        if (mb.n() < 2 || mc.n() < 2) {
            return;
        }
        if (Double.isNaN(welch.t())) {
            warnings.add("t_test is undefined (null): both groups are constant and equal, so t is 0/0");
        } else if (Double.isInfinite(welch.t())) {
            warnings.add("t_test statistic is infinite (null): both groups are constant and differ, so the "
                    + "standard error is 0; its p-value is exact");
        }
    }

    private static void explainEffectSize(double d, SortedSample.Moments mb, SortedSample.Moments mc,
                                          List<String> warnings) {
        if (mb.n() < 2 || mc.n() < 2) {
            return;
        }
        if (Double.isNaN(d)) {
            warnings.add("effect_size is undefined (null): both groups are constant and equal (0/0)");
        } else if (Double.isInfinite(d)) {
            warnings.add("effect_size is infinite (null): both groups are constant and differ, so the pooled "
                    + "standard deviation is 0");
        }
    }
}
