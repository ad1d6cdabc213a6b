package io.promptdesk.engine.validation;

import io.promptdesk.template.ParsedTemplate;

import java.util.Map;

/**
 * One test case as a rule sees it.
 *
 * @param output the rendered text, or {@code null} when the case could not be rendered
 */
public record CaseContext(ParsedTemplate template, int caseIndex, Map<String, ?> values, String output) {
}
