package io.promptdesk.ui.author;

import io.promptdesk.model.CaseResult;
import io.promptdesk.model.RuleResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One case's outcome as the results table shows it.
 *
 * @param caseIndex the case's 0-based position in the test-case table, the spec's {@code case_index} that every
 *                  engine message and the CLI use (a re-run keeps the original index)
 */
public record ResultRow(int caseIndex, CaseResult result) {

    public boolean passed() {
        return result.passed();
    }

    public double millis() {
        return result.executionTime() * 1000.0;
    }

    /** Names of the rules that failed, comma-separated, or "" when all passed. */
    public String failedRules() {
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, RuleResult> e : result.ruleResults().entrySet()) {
            if (!e.getValue().passed()) {
                failed.add(e.getKey());
            }
        }
        return String.join(", ", failed);
    }

    /** Per rule: status and details, for the detail pane. */
    public List<RuleRow> ruleRows() {
        List<RuleRow> rows = new ArrayList<>();
        for (Map.Entry<String, RuleResult> e : result.ruleResults().entrySet()) {
            RuleResult r = e.getValue();
            boolean warned = r.findings().stream().anyMatch(f -> !f.isError());
            RuleBadge.Status status = !r.passed() ? RuleBadge.Status.FAIL
                    : warned ? RuleBadge.Status.WARN : RuleBadge.Status.PASS;
            rows.add(new RuleRow(e.getKey(), status, r.details()));
        }
        return rows;
    }

    /** One rule's outcome for one case. */
    public record RuleRow(String rule, RuleBadge.Status status, String details) {
    }
}
