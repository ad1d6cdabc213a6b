package io.promptdesk.bench;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.model.TestReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test cases per second with all six rules: a 300-character template with 3 variables, 100,000 cases a run,
 * on the runner's default workers. The score is cases per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class RunnerThroughputBench {

    private static final int CASES = 100_000;
    private PromptTestRunner runner;
    private TestRequest request;

    @Setup
    public void setup() {
        runner = new PromptTestRunner();
        List<Map<String, Object>> cases = BenchData.cases(CASES, 42);
        request = new TestRequest(BenchData.TEMPLATE_300, null, cases, List.of("all"), Duration.ofMinutes(5),
                Map.of(), null);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public TestReport allSixRules() {
        return runner.runTests(request);
    }
}
