package io.promptdesk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The outcome of one validation rule, serialised as the spec's {@code {"passed", "details"}}.
 * The structured {@link #findings()} stay available to the console and are summarised in {@code details}.
 */
@JsonPropertyOrder({"passed", "details"})
public record RuleResult(boolean passed, String details, @JsonIgnore List<Finding> findings) {

    public RuleResult {
        findings = List.copyOf(findings);
    }

    public static RuleResult pass(String details) {
        return new RuleResult(true, details, List.of());
    }
}
