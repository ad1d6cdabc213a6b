package io.promptdesk.engine.testing;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.Finding;
import io.promptdesk.model.PerformanceMetrics;
import io.promptdesk.model.RuleResult;
import io.promptdesk.model.Severity;
import io.promptdesk.model.TestReport;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the cases' results into the spec's report: per-rule verdicts, metrics, thresholds, errors. */
final class RunStatistics {

    /** How many findings a rule's details quote before summarising the rest. */
    private static final int QUOTED = 5;

    TestReport report(TestRequest request, ParsedTemplate template, List<String> ruleNames,
                      List<Finding> templateFindings, List<CaseResult> cases, int unfinished,
                      PromptTestRunner.StopReason stop, long wallNanos, long cpuNanos) {
        List<String> errors = new ArrayList<>();
        template.diagnostics().forEach(d -> errors.add("template syntax error at " + d));

        Map<String, RuleResult> validation = new LinkedHashMap<>();
        for (String rule : ruleNames) {
            validation.put(rule, aggregate(rule, templateFindings, cases, errors));
        }

        int passed = 0;
        long caseNanos = 0;
        int executed = 0;
        int unrendered = 0;
        String firstRenderError = null;
        for (CaseResult c : cases) {
            if (c.passed()) {
                passed++;
            }
            caseNanos += c.executionNanos();
            if (c.executionNanos() > 0 || c.error() == null) {
                executed++;
            }
            if (c.error() != null && c.error().startsWith("missing variable") || c.error() != null
                    && c.error().startsWith("variable '")) {
                unrendered++;
                if (firstRenderError == null) {
                    firstRenderError = "case " + c.caseIndex() + ": " + c.error();
                }
            }
        }
        if (unrendered > 0) {
            errors.add(unrendered + " case(s) could not be rendered, first " + firstRenderError);
        }
        if (stop != PromptTestRunner.StopReason.NONE) {
            errors.add(stop == PromptTestRunner.StopReason.CANCELLED
                    ? "run cancelled: " + unfinished + " of " + cases.size() + " case(s) not run"
                    : "timeout: " + unfinished + " of " + cases.size() + " case(s) not finished within "
                    + seconds(request.timeout()));
        }

        double wall = wallNanos / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        double cpu = wallNanos <= 0 || cpuNanos < 0 ? 0.0 : Math.min(100.0, 100.0 * cpuNanos / (wallNanos * cores));
        PerformanceMetrics metrics = new PerformanceMetrics(wall, executed == 0 ? 0.0 : caseNanos / 1e9 / executed,
                heapUsedMb(), cpu);
        boolean thresholdsOk = true;
        for (Map.Entry<String, Double> t : request.thresholds().entrySet()) {
            double value = metrics.get(t.getKey());
            if (value > t.getValue()) {
                thresholdsOk = false;
                errors.add(String.format(Locale.ROOT, "performance threshold exceeded: %s is %.6g, limit %.6g",
                        t.getKey(), value, t.getValue()));
            }
        }
        boolean allPassed = passed == cases.size() && thresholdsOk && stop == PromptTestRunner.StopReason.NONE
                && template.isValid() && validation.values().stream().allMatch(RuleResult::passed);
        return new TestReport(allPassed, cases.size(), passed, cases.size() - passed, validation, metrics, cases,
                errors);
    }

    private static RuleResult aggregate(String rule, List<Finding> templateFindings, List<CaseResult> cases,
                                        List<String> errors) {
        List<Finding> quoted = new ArrayList<>();
        int templateErrors = 0;
        int warnings = 0;
        for (Finding f : templateFindings) {
            if (f.rule().equals(rule)) {
                if (f.isError()) {
                    templateErrors++;
                } else {
                    warnings++;
                }
                if (quoted.size() < QUOTED) {
                    quoted.add(f);
                }
            }
        }
        int failedCases = 0;
        for (CaseResult c : cases) {
            boolean failed = false;
            for (Finding f : c.findings()) {
                if (!f.rule().equals(rule) || f.caseIndex() < 0) {
                    continue;
                }
                if (f.isError()) {
                    failed = true;
                } else {
                    warnings++;
                }
                if (quoted.size() < QUOTED) {
                    quoted.add(f);
                }
            }
            if (failed) {
                failedCases++;
            }
        }
        boolean ok = templateErrors == 0 && failedCases == 0;
        StringBuilder details = new StringBuilder();
        if (ok) {
            details.append(cases.isEmpty() ? "no test cases" : "all " + cases.size() + " case(s) passed");
            if (warnings > 0) {
                details.append(" with ").append(warnings).append(" warning(s)");
            }
        } else {
            if (templateErrors > 0) {
                details.append("the template fails (").append(templateErrors).append(" finding(s))");
            }
            if (failedCases > 0) {
                details.append(details.length() > 0 ? "; " : "")
                        .append(failedCases).append(" of ").append(cases.size()).append(" case(s) failed");
            }
        }
        if (!quoted.isEmpty()) {
            details.append(": ");
            for (int i = 0; i < quoted.size(); i++) {
                Finding f = quoted.get(i);
                details.append(i > 0 ? "; " : "").append(f.severity() == Severity.WARNING ? "warning: " : "")
                        .append(f);
            }
            int more = templateErrors + failedCases + warnings - quoted.size();
            if (more > 0) {
                details.append("; and ").append(more).append(" more");
            }
        }
        if (!ok) {
            errors.add(rule + " failed: " + details);
        }
        return new RuleResult(ok, details.toString(), quoted);
    }

    static double heapUsedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }

    /** CPU time of the whole process, or -1 where the platform cannot tell. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3g s", d.toNanos() / 1e9);
    }
}
