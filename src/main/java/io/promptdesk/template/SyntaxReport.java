package io.promptdesk.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/** The spec's {@code validate_template_syntax} result: (is_valid, variables in order of appearance, errors). */
@JsonPropertyOrder({"is_valid", "dialect", "variables", "errors"})
public record SyntaxReport(@JsonProperty("is_valid") boolean isValid, String dialect, List<String> variables,
                           List<Diagnostic> errors) {
}
