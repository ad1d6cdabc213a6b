package io.promptdesk.engine.validation;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.model.Finding;

import java.util.List;

/** One named validation rule. Implementations are immutable and thread-safe. */
public interface ValidationRule {

    /** The spec's rule name, e.g. {@code sql_injection}. */
    String name();

    /** Checks the template itself, once per run. */
    default void checkTemplate(ParsedTemplate template, List<Finding> out) {
    }

    /** Checks one case, adding what it finds to {@code out}. */
    void checkCase(CaseContext context, List<Finding> out);
}
