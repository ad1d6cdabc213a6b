package io.promptdesk.bench;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.model.TestReport;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs 1,000,000 cases with all six rules and reports time and heap; run it with {@code -Xmx1g}
 * (bench/run-million.sh) to show that a million cases fit in a 1 GB heap.
 */
public final class MillionCases {
    private MillionCases() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Map<String, Object>> cases = BenchData.cases(n, 7);
        TestRequest request = new TestRequest(BenchData.TEMPLATE_300, null, cases, List.of("all"),
                Duration.ofMinutes(10), Map.of(), null);
        long t0 = System.nanoTime();
        TestReport r = new PromptTestRunner().runTests(request);
        double s = (System.nanoTime() - t0) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.err.printf("cases=%d passed=%d seconds=%.2f cases_per_second=%.0f heap_used_mb=%.0f max_heap_mb=%.0f%n",
                r.totalTests(), r.passedTests(), s, n / s, (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                rt.maxMemory() / 1048576.0);
    }
}
