package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RegressionHealthComparatorTest {

    private static double[] bernoulli(int n, double p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble() < p ? 1 : 0;
        }
        return v;
    }

    private final RegressionHealthComparator comparator = new RegressionHealthComparator();

    @Test
    void aTripledErrorRateIsHarmfulThoughCohensDIsSmall() {
        var c = comparator.compare(Metric.ERROR_RATE, bernoulli(10_000, 0.009, 1), bernoulli(3_000, 0.027, 2), true);
        assertThat(c.effectSize()).isLessThan(0.2);
        assertThat(c.worse()).isTrue();
    }

    @Test
    void equalErrorRatesAreHealthy() {
        var c = comparator.compare(Metric.ERROR_RATE, bernoulli(10_000, 0.01, 3), bernoulli(3_000, 0.01, 4), true);
        assertThat(c.worse()).isFalse();
    }

    @Test
    void aHalvedEngagementRateIsHarmfulAndARisingOneIsNot() {
        assertThat(comparator.compare(Metric.ENGAGEMENT_RATE, bernoulli(10_000, 0.30, 5),
                bernoulli(3_000, 0.15, 6), false).worse()).isTrue();
        assertThat(comparator.compare(Metric.ENGAGEMENT_RATE, bernoulli(10_000, 0.30, 7),
                bernoulli(3_000, 0.45, 8), false).worse()).isFalse();
    }
}
