package io.promptdesk.cli;

import io.promptdesk.model.CaseResult;
import io.promptdesk.model.Finding;
import io.promptdesk.model.PerformanceMetrics;
import io.promptdesk.model.RuleResult;
import io.promptdesk.model.TestReport;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The readable summary of a test run. */
final class TextReport {
    private static final int MAX_FAILED_SHOWN = 20;
    private final PrintWriter out;

    TextReport(PrintWriter out) {
        this.out = out;
    }

    void print(TestReport r) {
        PerformanceMetrics m = r.performanceMetrics();
        out.printf(Locale.ROOT, "%s  %d of %d case(s) passed, %d failed, in %.3f s (%.3f ms per case)%n",
                r.passed() ? "PASSED" : "FAILED", r.passedTests(), r.totalTests(), r.failedTests(),
                m.totalExecutionTime(), m.averageTestTime() * 1000);
        out.println();
        for (Map.Entry<String, RuleResult> e : r.validationResults().entrySet()) {
            out.printf(Locale.ROOT, "  %-20s %s  %s%n", e.getKey(), e.getValue().passed() ? "pass" : "FAIL",
                    shorten(e.getValue().details(), 160));
        }
        int shown = 0;
        for (CaseResult c : r.testCaseResults()) {
            if (c.passed()) {
                continue;
            }
            if (shown == 0) {
                out.println();
                out.println("Failed cases:");
            }
            if (++shown > MAX_FAILED_SHOWN) {
                out.println("  ... and " + (r.failedTests() - MAX_FAILED_SHOWN) + " more (use --json for all)");
                break;
            }
            StringBuilder why = new StringBuilder(c.error() == null ? "" : c.error());
            for (Finding f : c.findings()) {
                if (f.isError()) {
                    why.append(why.length() > 0 ? "; " : "").append(f.rule()).append(": ").append(f.message());
                }
            }
            out.println("  case " + c.caseIndex() + ": " + shorten(why.toString(), 200));
        }
        if (!r.errors().isEmpty()) {
            out.println();
            out.println("Errors:");
            r.errors().forEach(e -> out.println("  - " + shorten(e, 240)));
        }
        out.println();
        out.printf(Locale.ROOT, "memory %.1f MB, cpu %.0f%%%n", m.memoryUsageMb(), m.cpuUsagePercent());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
