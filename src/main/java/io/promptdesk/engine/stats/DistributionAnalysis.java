package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.List;
import java.util.Locale;

/** One {@code compareDistributions} run over prepared groups (first = a, second = b). */
final class DistributionAnalysis {

    private final double confidenceLevel;
    private final int resamples;
    private final long seed;

    DistributionAnalysis(double confidenceLevel, int resamples, long seed) {
        this.confidenceLevel = confidenceLevel;
        this.resamples = resamples;
        this.seed = seed;
    }

    DistributionComparison compare(TwoGroups groups) {
        return compare(groups, new PooledScan.Cache(null));
    }

    DistributionComparison compare(TwoGroups groups, PooledScan.Cache scans) {
        SortedSample a = groups.first();
        SortedSample b = groups.second();
        if (a.size() == 0 || b.size() == 0) {
            throw new BadInputException((a.size() == 0 ? "a" : "b") + " has no values: at least one is needed");
        }
        List<String> warnings = PerformanceRegressionDetector.droppedWarnings(groups, "a", "b");
        PooledScan scan = scans.of(b, a);
        KolmogorovSmirnovTest.Result ks = KolmogorovSmirnovTest.twoSided(scan);
        MannWhitneyTest.Result mw = MannWhitneyTest.test(scan, Alternative.TWO_SIDED);
        List<DistributionComparison.PercentileDifference> rows = new PercentileBootstrap(resamples,
                confidenceLevel, seed).differences(a, b, PerformanceRegressionDetector.PERCENTILES);
        if (resamples < 2) {
            warnings.add("bootstrap intervals are undefined (null) with a single resample");
        }
        return new DistributionComparison(
                new DistributionComparison.KolmogorovSmirnov(ks.statistic(), ks.pValue(), label(ks.method()),
                        ks.location(), ks.sign()),
                new DistributionComparison.MannWhitney(mw.u(), mw.pValue(), label(mw.method())),
                rows.get(0), rows, new DistributionComparison.Bootstrap(resamples, confidenceLevel, seed), warnings);
    }

    private static String label(Enum<?> method) {
        return method.name().toLowerCase(Locale.ROOT);
    }
}
