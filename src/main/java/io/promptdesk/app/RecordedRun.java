package io.promptdesk.app;

import io.promptdesk.model.CaseResult;
import io.promptdesk.model.TestReport;

import java.time.Instant;
import java.util.Arrays;

/**
 * One finished test run as the Regression workspace can compare it: which template, when, and each executed
 * case's time in milliseconds (cases that never ran, such as those cut off by a timeout, are left out).
 */
public record RecordedRun(String template, Instant finishedAt, int passed, int failed, double[] caseMillis) {

    public RecordedRun {
        caseMillis = caseMillis.clone();
    }

    /** The run's per-case execution times from the engine's report. */
    public static RecordedRun of(String template, Instant finishedAt, TestReport report) {
        double[] millis = new double[report.testCaseResults().size()];
        int n = 0;
        for (CaseResult c : report.testCaseResults()) {
            if (c.executionNanos() > 0) {
                millis[n++] = c.executionNanos() / 1e6;
            }
        }
        return new RecordedRun(template, finishedAt, report.passedTests(), report.failedTests(),
                Arrays.copyOf(millis, n));
    }

    /** A copy: the record's array is never handed out. */
    @Override
    public double[] caseMillis() {
        return caseMillis.clone();
    }

    public int cases() {
        return caseMillis.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRun r && template.equals(r.template) && finishedAt.equals(r.finishedAt)
                && passed == r.passed && failed == r.failed && Arrays.equals(caseMillis, r.caseMillis);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * template.hashCode() + finishedAt.hashCode()) + Arrays.hashCode(caseMillis);
    }

    @Override
    public String toString() {
        return "RecordedRun[" + template + " at " + finishedAt + ", " + caseMillis.length + " case time(s)]";
    }
}
