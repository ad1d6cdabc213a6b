package io.promptdesk.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/** The spec's {@code run_tests} result. Serialised with snake_case keys, exactly the spec's. */
@JsonPropertyOrder({"passed", "total_tests", "passed_tests", "failed_tests", "validation_results",
        "performance_metrics", "test_case_results", "errors"})
public record TestReport(boolean passed, int totalTests, int passedTests, int failedTests,
                         Map<String, RuleResult> validationResults, PerformanceMetrics performanceMetrics,
                         List<CaseResult> testCaseResults, List<String> errors) {
}
