package io.promptdesk.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One entry of the spec's {@code test_case_results}. To keep a million results in a small heap the rendered
 * output is not stored: it is rendered again, deterministically, when asked for.
 */
@JsonPropertyOrder({"case_index", "input", "output", "passed", "execution_time", "rule_results", "error"})
public final class CaseResult {
    private final int caseIndex;
    private final Map<String, ?> input;
    private final Function<Map<String, ?>, String> renderer;
    private final boolean passed;
    private final long executionNanos;
    private final List<String> rules;
    private final List<Finding> findings;
    private final String error;

    /**
     * @param error why the case did not run or render (timeout, cancellation, missing variable), or null
     */
    public CaseResult(int caseIndex, Map<String, ?> input, Function<Map<String, ?>, String> renderer,
                      boolean passed, long executionNanos, List<String> rules, List<Finding> findings,
                      String error) {
        this.error = error;
        this.caseIndex = caseIndex;
        this.input = input;
        this.renderer = renderer;
        this.passed = passed;
        this.executionNanos = executionNanos;
        this.rules = rules;
        this.findings = findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    @JsonProperty("case_index")
    public int caseIndex() {
        return caseIndex;
    }

    @JsonProperty("input")
    public Map<String, ?> input() {
        return input;
    }

    /** The rendered prompt, or an empty string when the case could not be rendered (see the findings). */
    @JsonProperty("output")
    public String output() {
        try {
            return renderer.apply(input);
        } catch (PromptValidationException e) {
            return "";
        }
    }

    @JsonProperty("passed")
    public boolean passed() {
        return passed;
    }

    /** Seconds. */
    @JsonProperty("execution_time")
    public double executionTime() {
        return executionNanos / 1e9;
    }

    @JsonIgnore
    public long executionNanos() {
        return executionNanos;
    }

    /** Why the case did not run or render, or null; only present in JSON when set. */
    @JsonProperty("error")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public String error() {
        return error;
    }

    @JsonIgnore
    public List<Finding> findings() {
        return findings;
    }

    /** Per rule: passed, and details naming what matched where. */
    @JsonProperty("rule_results")
    public Map<String, RuleResult> ruleResults() {
        Map<String, RuleResult> out = new LinkedHashMap<>();
        for (String rule : rules) {
            List<Finding> mine = new ArrayList<>();
            boolean ok = true;
            for (Finding f : findings) {
                if (f.rule().equals(rule)) {
                    mine.add(f);
                    ok &= !f.isError();
                }
            }
            String details = mine.isEmpty() ? "ok" : joinMessages(mine);
            out.put(rule, new RuleResult(ok, details, mine));
        }
        return out;
    }

    private static String joinMessages(List<Finding> fs) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : fs) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(f.severity() == Severity.WARNING ? "warning: " : "").append(f);
        }
        return sb.toString();
    }
}
