package io.promptdesk.engine.testing;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The spec's {@code run_performance_benchmark} result. Times in seconds; percentiles use linear interpolation
 * (NumPy's default).
 *
 * @param throughput cases rendered and validated per second, over all iterations
 */
@JsonPropertyOrder({"iterations", "total_time", "throughput", "mean", "median", "p95", "p99", "cases"})
public record BenchmarkReport(int iterations, double totalTime, double throughput, double mean, double median,
                              double p95, double p99, List<CaseTiming> cases) {

    /** Timings of one case over all iterations, in seconds. */
    @JsonPropertyOrder({"case_index", "mean", "median", "p95", "p99"})
    public record CaseTiming(int caseIndex, double mean, double median, double p95, double p99) {
    }
}
