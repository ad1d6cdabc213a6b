package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SortedSampleTest {

    @Test
    void madFromTwoSortedRunsEqualsTheMedianOfAllDeviations() {
        Random random = new Random(3);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextGaussian() * 10;
            }
            SortedSample s = SortedSample.sortInPlace(values.clone());
            double median = s.median();
            double[] dev = Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
            double expected = n % 2 == 1 ? dev[n / 2] : 0.5 * dev[n / 2 - 1] + 0.5 * dev[n / 2];
            assertThat(s.medianAbsoluteDeviation(median)).isEqualTo(expected);
        }
    }

    @Test
    void trimmingKeepsExactlyTheValuesWithinTheThreshold() {
        Random random = new Random(5);
        for (int trial = 0; trial < 300; trial++) {
            int n = 3 + random.nextInt(80);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextGaussian() * (random.nextInt(10) == 0 ? 20 : 1);
            }
            double threshold = 0.5 + 4 * random.nextDouble();
            SortedSample s = SortedSample.sortInPlace(values.clone());
            double median = s.median();
            double mad = s.medianAbsoluteDeviation(median);
            long kept = Arrays.stream(values)
                    .filter(v -> !SortedSample.isOutlier(v, median, mad, threshold)).count();
            SortedSample trimmed = s.withoutOutliers(threshold);
            assertThat(trimmed.size()).isEqualTo((int) kept);
            for (int i = 0; i < trimmed.size(); i++) {
                assertThat(SortedSample.isOutlier(trimmed.get(i), median, mad, threshold)).isFalse();
            }
        }
    }

    @Test
    void momentsKeepSmallDifferencesAtLargeMagnitudes() {
        double[] values = {1e12 + 1, 1e12 + 2, 1e12 + 3, 1e12 + 4};
        SortedSample.Moments m = SortedSample.sortInPlace(values).moments(1e12 + 2);
        assertThat(m.mean()).isEqualTo(1e12 + 2.5);
        assertThat(m.variance()).isEqualTo(5.0 / 3);
    }

    @Test
    void quantilesFollowNumpysLinearRule() {
        SortedSample s = SortedSample.sortInPlace(new double[]{4, 1, 3, 2});
        assertThat(s.quantile(0.5)).isEqualTo(2.5);
        assertThat(s.quantile(0.9)).isEqualTo(3.7);
        assertThat(s.quantile(1)).isEqualTo(4);
        assertThat(s.quantile(0)).isEqualTo(1);
    }
}
