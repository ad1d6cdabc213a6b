package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.json.Json;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DistributionComparisonTest {

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        double[] a = normal(200, 100, 10, 1);
        double[] b = normal(300, 110, 12, 2);
        DistributionComparison first = detector(42).compareDistributions(a, b);
        assertThat(detector(42).compareDistributions(a, b)).isEqualTo(first);
        assertThat(detector(43).compareDistributions(a, b).medianDifference().lower())
                .isNotEqualTo(first.medianDifference().lower());
        assertThat(first.bootstrap()).isEqualTo(new DistributionComparison.Bootstrap(2000, 0.95, 42));
    }

    @Test
    void reportsTheFourPercentilesAsBMinusAWithIntervalsAroundThem() throws Exception {
        double[] a = normal(500, 100, 10, 3);
        double[] b = normal(500, 110, 10, 4);
        DistributionComparison c = detector(7).compareDistributions(a, b);
        assertThat(c.percentileDifferences()).extracting(DistributionComparison.PercentileDifference::percentile)
                .containsExactly(50.0, 90.0, 95.0, 99.0);
        assertThat(c.medianDifference()).isEqualTo(c.percentileDifferences().get(0));
        for (DistributionComparison.PercentileDifference p : c.percentileDifferences()) {
            assertThat(p.difference()).isEqualTo(p.b() - p.a());
            assertThat(p.lower()).isLessThan(p.difference());
            assertThat(p.upper()).isGreaterThan(p.difference());
        }
        assertThat(c.medianDifference().difference()).isCloseTo(10, within(2.5));
        assertThat(c.kolmogorovSmirnov().statisticSign()).as("b is larger, so its ECDF is below").isEqualTo(-1);
        JsonNode json = new ObjectMapper().readTree(Json.write(c));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("kolmogorov_smirnov", "mann_whitney", "median_difference",
                "percentile_differences", "bootstrap", "warnings");
    }

    /**
     * The order-statistic shortcut must give the bootstrap distribution of a real resample: compare its
     * quantiles with those of a naive bootstrap that draws n values with replacement and sorts them.
     */
    @Test
    void orderStatisticDrawsMatchANaiveBootstrap() {
        double[] values = normal(41, 0, 1, 9);
        SortedSample s = SortedSample.sortInPlace(values.clone());
        int draws = 20_000;
        for (double q : new double[]{0.5, 0.9}) {
            Well19937c rng = new Well19937c(1);
            double[] fast = new double[draws];
            for (int i = 0; i < draws; i++) {
                fast[i] = PercentileBootstrap.resampledQuantile(s, q, rng);
            }
            Random random = new Random(2);
            double[] naive = new double[draws];
            double[] resample = new double[values.length];
            for (int i = 0; i < draws; i++) {
                for (int j = 0; j < resample.length; j++) {
                    resample[j] = values[random.nextInt(values.length)];
                }
                naive[i] = SortedSample.sortInPlace(resample.clone()).quantile(q);
            }
            SortedSample fastSorted = SortedSample.sortInPlace(fast);
            SortedSample naiveSorted = SortedSample.sortInPlace(naive);
            for (double level : new double[]{0.025, 0.25, 0.5, 0.75, 0.975}) {
                assertThat(fastSorted.quantile(level)).as("q=%s level=%s", q, level)
                        .isCloseTo(naiveSorted.quantile(level), within(0.06));
            }
            assertThat(Arrays.stream(fast).average().orElseThrow())
                    .isCloseTo(Arrays.stream(naive).average().orElseThrow(), within(0.02));
        }
    }

    @Test
    void betaDrawsHaveTheRightMeanAndVariance() {
        Well19937c rng = new Well19937c(4);
        double[][] shapes = {{1, 1}, {3, 7}, {1, 40}, {5_000, 5_001}};
        for (double[] shape : shapes) {
            double a = shape[0];
            double b = shape[1];
            int draws = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < draws; i++) {
                double x = PercentileBootstrap.beta(a, b, rng);
                sum += x;
                sumSq += x * x;
            }
            double mean = sum / draws;
            double variance = sumSq / draws - mean * mean;
            double expectedMean = a / (a + b);
            double expectedVariance = a * b / ((a + b) * (a + b) * (a + b + 1));
            assertThat(mean).as("mean of Beta(%s, %s)", a, b)
                    .isCloseTo(expectedMean, within(5 * Math.sqrt(expectedVariance / draws)));
            assertThat(variance / expectedVariance).as("variance of Beta(%s, %s)", a, b).isCloseTo(1, within(0.02));
        }
    }

    @Test
    void identicalSamplesShowNoDifference() {
        double[] a = normal(100, 5, 1, 5);
        DistributionComparison c = detector(1).compareDistributions(a, a.clone());
        assertThat(c.kolmogorovSmirnov().statistic()).isZero();
        assertThat(c.kolmogorovSmirnov().pValue()).isEqualTo(1.0);
        assertThat(c.mannWhitney().pValue()).isEqualTo(1.0);
        assertThat(c.medianDifference().difference()).isZero();
    }

    private static PerformanceRegressionDetector detector(long seed) {
        return new PerformanceRegressionDetector(0.95, 0.5, 3, seed, 2000, Runnable::run);
    }

    private static double[] normal(int n, double mean, double sd, long seed) {
        Random random = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * random.nextGaussian();
        }
        return v;
    }
}
