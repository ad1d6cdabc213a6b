package io.promptdesk.bench;

import java.util.SplittableRandom;

/** Seeded latency-like samples for the statistics benchmarks: normal, full precision (the hardest case to sort). */
final class StatsBenchData {

    private StatsBenchData() {
    }

    static double[] normal(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i += 2) {
            // Box-Muller, two values per pair of uniforms
            double u1 = random.nextDouble();
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2 * Math.log1p(-u1));
            v[i] = mean + sd * r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < n) {
                v[i + 1] = mean + sd * r * Math.sin(2 * Math.PI * u2);
            }
        }
        return v;
    }
}
