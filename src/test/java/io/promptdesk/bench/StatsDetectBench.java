package io.promptdesk.bench;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import io.promptdesk.engine.stats.RegressionResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** detectRegression on 10,000 against 10,000 values, warm (budget: 5 ms). The score is milliseconds per call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class StatsDetectBench {

    private final PerformanceRegressionDetector detector = new PerformanceRegressionDetector();
    private double[] baseline;
    private double[] current;

    @Setup
    public void setup() {
        baseline = StatsBenchData.normal(10_000, 100, 10, 1);
        current = StatsBenchData.normal(10_000, 100.5, 10, 2);
    }

    @Benchmark
    public RegressionResult detectRegression10kVs10k() {
        return detector.detectRegression(baseline, current, "latency_ms", null, Direction.INCREASE);
    }
}
