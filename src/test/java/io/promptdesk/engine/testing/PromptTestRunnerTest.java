package io.promptdesk.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.TestReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptTestRunnerTest {

    private static final String TEMPLATE = "Write a {tone} article about {topic} for {audience}";

    private static List<Map<String, Object>> cases(int n) {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(Map.of("tone", "professional", "topic", "AI ethics " + i, "audience", "business leaders"));
        }
        return cases;
    }

    @Test
    void passingRunHasTheSpecsShape() throws Exception {
        TestReport r = new PromptTestRunner().runTests(TEMPLATE, cases(2), List.of("all"), null, null);
        assertThat(r.passed()).isTrue();
        assertThat(r.totalTests()).isEqualTo(2);
        assertThat(r.passedTests()).isEqualTo(2);

        JsonNode json = Json.mapper().readTree(Json.write(r));
        assertThat(iterable(json.fieldNames())).containsExactly("passed", "total_tests", "passed_tests",
                "failed_tests", "validation_results", "performance_metrics", "test_case_results", "errors");
        assertThat(iterable(json.get("validation_results").fieldNames())).containsExactlyElementsOf(
                io.promptdesk.engine.validation.Rules.ALL_NAMES);
        assertThat(iterable(json.get("validation_results").get("min_length").fieldNames()))
                .containsExactly("passed", "details");
        assertThat(iterable(json.get("performance_metrics").fieldNames())).containsExactly("total_execution_time",
                "average_test_time", "memory_usage_mb", "cpu_usage_percent");
        JsonNode first = json.get("test_case_results").get(0);
        assertThat(iterable(first.fieldNames())).containsExactly("case_index", "input", "output", "passed",
                "execution_time", "rule_results");
        assertThat(first.get("output").asText())
                .isEqualTo("Write a professional article about AI ethics 0 for business leaders");
    }

    private static List<String> iterable(Iterator<String> it) {
        List<String> l = new ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }

    @Test
    void missingVariableFailsTheCaseNamingIt() {
        List<Map<String, Object>> cases = new ArrayList<>(cases(2));
        cases.add(Map.of("tone", "casual", "topic", "ML"));
        TestReport r = new PromptTestRunner().runTests(TEMPLATE, cases, List.of("template_variables"), null, null);
        assertThat(r.passed()).isFalse();
        assertThat(r.failedTests()).isEqualTo(1);
        CaseResult bad = r.testCaseResults().get(2);
        assertThat(bad.passed()).isFalse();
        assertThat(bad.ruleResults().get("template_variables").details())
                .contains("case 2").contains("audience");
        assertThat(r.validationResults().get("template_variables").details()).contains("1 of 3");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("audience"));
    }

    @Test
    void unusedKeysAreWarningsOnly() {
        List<Map<String, Object>> cs = List.of(Map.of("tone", "a", "topic", "b", "audience", "c", "extra", "d"));
        TestReport r = new PromptTestRunner().runTests(TEMPLATE, cs, List.of("template_variables"), null, null);
        assertThat(r.passed()).isTrue();
        assertThat(r.validationResults().get("template_variables").details()).contains("warning").contains("extra");
    }

    @Test
    void lengthBoundsFailWithTheMeasuredLength() {
        RuleSettings s = RuleSettings.defaults().withLengths(10, 40);
        TestRequest req = new TestRequest(TEMPLATE, null, cases(1), List.of("min_length", "max_length"), null,
                null, s);
        TestReport r = new PromptTestRunner().runTests(req);
        assertThat(r.validationResults().get("min_length").passed()).isTrue();
        assertThat(r.validationResults().get("max_length").passed()).isFalse();
        assertThat(r.validationResults().get("max_length").details()).contains("above the maximum of 40");
    }

    @Test
    void lengthCanBeCountedInTokens() {
        RuleSettings s = RuleSettings.defaults().withLengths(1, 5)
                .withUnit(io.promptdesk.engine.validation.LengthUnit.TOKENS, "cl100k_base");
        TestRequest req = new TestRequest("{a}", null, List.of(Map.of("a", "hello world")), List.of("max_length"),
                null, null, s);
        assertThat(new PromptTestRunner().runTests(req).passed()).isTrue();
        TestRequest longer = req.withCases(List.of(Map.of("a", "one two three four five six seven")));
        TestReport r = new PromptTestRunner().runTests(longer);
        assertThat(r.passed()).isFalse();
        assertThat(r.validationResults().get("max_length").details()).contains("7 cl100k_base tokens");
    }

    @Test
    void syntaxErrorsFailEveryCaseAndAreListed() {
        TestReport r = new PromptTestRunner().runTests("Hello {name", List.of(Map.of("name", "x")), null, null, null);
        assertThat(r.passed()).isFalse();
        assertThat(r.failedTests()).isEqualTo(1);
        assertThat(r.errors().get(0)).contains("line 1, column 7");
        assertThat(r.validationResults().get("template_variables").passed()).isFalse();
    }

    @Test
    void unknownRuleIsAClearError() {
        assertThatThrownBy(() -> new PromptTestRunner().runTests(TEMPLATE, cases(1), List.of("no_typos"), null,
                null)).isInstanceOf(BadInputException.class).hasMessageContaining("no_typos")
                .hasMessageContaining("sql_injection");
    }

    @Test
    void resultsStayInCaseOrderWithManyWorkers() {
        TestReport r = new PromptTestRunner(4).runTests(TEMPLATE, cases(5000), null, null, null);
        assertThat(r.totalTests()).isEqualTo(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(r.testCaseResults().get(i).caseIndex()).isEqualTo(i);
            assertThat(r.testCaseResults().get(i).input().get("topic")).isEqualTo("AI ethics " + i);
        }
    }

    @Test
    void timeoutFailsUnfinishedCasesAndReturns() {
        // A ticker that moves 1 ms per reading: 100 ms of budget run out after about 50 cases.
        AtomicLong now = new AtomicLong();
        PromptTestRunner runner = new PromptTestRunner(1, Executors.newCachedThreadPool(),
                () -> now.addAndGet(1_000_000));
        TestRequest req = new TestRequest(TEMPLATE, null, cases(1000), null, Duration.ofMillis(100), null, null);
        TestReport r = runner.runTests(req);
        assertThat(r.passed()).isFalse();
        long unfinished = r.testCaseResults().stream().filter(c -> c.error() != null).count();
        assertThat(unfinished).isBetween(900L, 999L);
        assertThat(r.testCaseResults().get(999).error()).contains("timeout of 0.100 s");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).startsWith("timeout:"));
    }

    @Test
    void cancellationStopsTheRun() {
        AtomicLong calls = new AtomicLong();
        TestReport r = new PromptTestRunner(1).runTests(TestRequest.of(TEMPLATE, cases(100)), RunListener.NONE,
                () -> calls.incrementAndGet() > 10);
        assertThat(r.passedTests()).isEqualTo(10);
        assertThat(r.testCaseResults().get(50).error()).contains("cancelled");
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("cancelled"));
    }

    @Test
    void progressIsReportedUpToTheTotal() {
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        new PromptTestRunner(2).runTests(TestRequest.of(TEMPLATE, cases(1000)), (done, total) -> seen.add(done),
                () -> false);
        assertThat(seen).contains(1000);
        assertThat(seen.size()).isBetween(10, 101);
    }

    @Test
    void exceededPerformanceThresholdFailsTheRunNamingIt() {
        TestReport r = new PromptTestRunner().runTests(TEMPLATE, cases(3), null, null,
                Map.of("total_execution_time", 0.0));
        assertThat(r.passed()).isFalse();
        assertThat(r.passedTests()).isEqualTo(3);
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("total_execution_time"));
    }

    @Test
    void unknownThresholdIsRejected() {
        assertThatThrownBy(() -> new PromptTestRunner().runTests(TEMPLATE, cases(1), null, null,
                Map.of("latency", 1.0))).isInstanceOf(BadInputException.class).hasMessageContaining("latency");
    }

    @Test
    void benchmarkReportsPercentilesPerCase() {
        BenchmarkReport b = new PromptTestRunner().runPerformanceBenchmark(TEMPLATE, cases(3), 20);
        assertThat(b.cases()).hasSize(3);
        assertThat(b.iterations()).isEqualTo(20);
        assertThat(b.throughput()).isPositive();
        assertThat(b.p99()).isGreaterThanOrEqualTo(b.median());
    }

    @Test
    void batchRunsEveryTemplateInOrder() {
        List<TestReport> reports = new PromptTestRunner().runBatchTests(
                List.of(TEMPLATE, "Bad {", "Hello {missing}"), cases(4), 2);
        assertThat(reports).extracting(TestReport::passed).containsExactly(true, false, false);
    }

    @Test
    void validateTemplateSyntaxMirrorsTheSpec() {
        var report = new PromptTestRunner().validateTemplateSyntax("{a} {b.c}");
        assertThat(report.isValid()).isFalse();
        assertThat(report.variables()).containsExactly("a");
        assertThat(report.errors()).hasSize(1);
    }

    @Test
    void tenMegabyteValueFailsMaxLengthWithDetailsNotACrash() {
        String huge = "a".repeat(10 * 1024 * 1024);
        TestReport r = new PromptTestRunner().runTests("Summarise: {text}", List.of(Map.of("text", huge)),
                List.of("all"), null, null);
        assertThat(r.passed()).isFalse();
        assertThat(r.validationResults().get("max_length").details()).contains("above the maximum of 32000");
    }

    @Test
    void objectValuesAreRejectedByTemplateVariables() {
        TestReport r = new PromptTestRunner().runTests("{a}", List.of(Map.of("a", Map.of("b", 1))),
                List.of("template_variables"), null, null);
        assertThat(r.passed()).isFalse();
        assertThat(r.validationResults().get("template_variables").details()).contains("is an object");
    }
}
