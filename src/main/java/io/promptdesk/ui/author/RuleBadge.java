package io.promptdesk.ui.author;

import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.List;

/** The live verdict of one rule on the selected case, with the findings as tooltip text. */
public record RuleBadge(String rule, Status status, String details) {

    public enum Status { PASS, WARN, FAIL }

    /** Fail on any error finding, warn on warnings only, else pass. */
    public static RuleBadge of(String rule, List<Finding> all) {
        Status status = Status.PASS;
        StringBuilder details = new StringBuilder();
        for (Finding f : all) {
            if (!f.rule().equals(rule)) {
                continue;
            }
            if (f.severity() == Severity.ERROR) {
                status = Status.FAIL;
            } else if (status == Status.PASS) {
                status = Status.WARN;
            }
            details.append(details.length() == 0 ? "" : "\n")
                    .append(f.severity() == Severity.WARNING ? "warning: " : "").append(f);
        }
        return new RuleBadge(rule, status, details.length() == 0 ? "passed" : details.toString());
    }
}
