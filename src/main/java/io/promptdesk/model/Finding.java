package io.promptdesk.model;

import java.util.Objects;

/**
 * One thing a validation rule noticed: what matched and where.
 *
 * @param rule      rule name, e.g. {@code sql_injection}
 * @param severity  {@link Severity#ERROR} fails the rule, {@link Severity#WARNING} only informs
 * @param caseIndex test case index, or {@code -1} when the finding is about the template itself
 * @param variable  the case variable the text came from, or {@code null} for the rendered output / template
 * @param offset    character offset in the inspected text, or {@code -1} when not positional
 * @param length    length of the matched span (0 when not positional)
 * @param message   what matched and why it matters, readable by a person
 */
public record Finding(String rule, Severity severity, int caseIndex, String variable, int offset, int length,
                      String message) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Where, as a person reads it: "case 3, variable topic, offset 12". */
    public String location() {
        StringBuilder sb = new StringBuilder();
        sb.append(caseIndex < 0 ? "template" : "case " + caseIndex);
        if (variable != null) {
            sb.append(", variable ").append(variable);
        } else if (caseIndex >= 0) {
            sb.append(", output");
        }
        if (offset >= 0) {
            sb.append(", offset ").append(offset);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
