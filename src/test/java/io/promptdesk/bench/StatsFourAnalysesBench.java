package io.promptdesk.bench;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The analyses SciPy's anchor times (Welch t, Mann-Whitney, KS and summary statistics) on n against n values in a
 * 2 GB heap, through {@code analyse}: one sort per group shared by ranking, ties and KS, plus the bootstrap
 * percentile intervals SciPy does not compute. Outlier filtering is off, as SciPy has none. Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Xms2g"})
public class StatsFourAnalysesBench {

    @Param({"10000", "1000000", "10000000"})
    public int n;

    private final PerformanceRegressionDetector detector = new PerformanceRegressionDetector(0.95, 0.5, 0);
    private double[] baseline;
    private double[] current;

    @Setup
    public void setup() {
        baseline = StatsBenchData.normal(n, 100, 10, 1);
        current = StatsBenchData.normal(n, 100.5, 10, 2);
    }

    @Benchmark
    public PerformanceRegressionDetector.Analysis fourAnalyses() {
        return detector.analyse(baseline, current, "latency_ms", null, Direction.BOTH, false);
    }
}
