package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import static org.assertj.core.api.Assertions.assertThat;

class PooledScanTest {

    @Test
    void twoHalvesOnTwoThreadsGiveExactlyTheSingleWalk() {
        Random random = new Random(13);
        for (int trial = 0; trial < 3; trial++) {
            int scale = trial == 0 ? 10 : 1000; // coarse values: long tie runs across the split point
            double[] c = new double[700_000 + trial];
            double[] b = new double[600_000];
            for (int i = 0; i < c.length; i++) {
                c[i] = Math.round(scale * (1 + random.nextGaussian())) / (double) scale;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = Math.round(scale * random.nextGaussian()) / (double) scale;
            }
            SortedSample current = SortedSample.sortInPlace(c);
            SortedSample baseline = SortedSample.sortInPlace(b);
            PooledScan single = PooledScan.of(current, baseline, null);
            PooledScan split = PooledScan.of(current, baseline, ForkJoinPool.commonPool());
            assertThat(split).isEqualTo(single);
        }
    }

    @Test
    void radixSortOrdersLikeTheJdkIncludingSignedZeros() {
        Random random = new Random(17);
        double[] values = new double[RadixSort.MIN_SIZE + 5];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 5) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> random.nextGaussian() * 1e300;
                case 3 -> -Double.MIN_VALUE * random.nextInt(3);
                default -> random.nextGaussian();
            };
        }
        double[] expected = values.clone();
        Arrays.sort(expected);
        RadixSort.sort(values);
        assertThat(values).isEqualTo(expected);
    }
}
