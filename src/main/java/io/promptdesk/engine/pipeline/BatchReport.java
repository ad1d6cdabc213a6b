package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.promptdesk.model.TestReport;

import java.util.List;

/**
 * A parallel test batch: one spec {@code run_tests} report per template, in the order given, and what the batch
 * used against its limits.
 *
 * @param peakConcurrency most templates under test at once
 * @param estimatedMb     the memory estimate the batch was admitted with
 * @param peakMeasuredMb  the most heap above the batch's start the gauge saw
 */
@JsonPropertyOrder({"reports", "limits", "peak_concurrency", "estimated_mb", "peak_measured_mb"})
public record BatchReport(List<TestReport> reports, ResourceLimits limits, int peakConcurrency, double estimatedMb,
                          double peakMeasuredMb) {
    public BatchReport {
        reports = List.copyOf(reports);
    }

    public boolean passed() {
        return reports.stream().allMatch(TestReport::passed);
    }
}
