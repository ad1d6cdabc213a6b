package io.promptdesk.bench;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times the four analyses on the exact data SciPy gets in {@code bench/stats-vs-scipy.sh}: raw little-endian
 * float64 files (NumPy's {@code tofile}). Usage: StatsFilesBench BASELINE.f64 CURRENT.f64 [RUNS]; prints the median
 * milliseconds of RUNS timed calls after at least two warm-up calls and two seconds, as "java_ms=...".
 */
public final class StatsFilesBench {

    private StatsFilesBench() {
    }

    public static void main(String[] args) throws IOException {
        double[] baseline = read(Path.of(args[0]));
        double[] current = read(Path.of(args[1]));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        PerformanceRegressionDetector detector = new PerformanceRegressionDetector(0.95, 0.5, 0);
        // warm the JIT: at least two calls and two seconds
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 2 || System.nanoTime() < warmUntil; i++) {
            detector.analyse(baseline, current, "m", null, Direction.BOTH, false);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            detector.analyse(baseline, current, "m", null, Direction.BOTH, false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "java_ms=%.1f%n", ms[runs / 2]);
    }

    static double[] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            DoubleBuffer buffer = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size())
                    .order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
            double[] values = new double[buffer.remaining()];
            buffer.get(values);
            return values;
        }
    }
}
