package io.promptdesk.engine.validation;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The template is valid and every case supplies every variable with a plain value; unused keys are warnings. */
public final class TemplateVariablesRule implements ValidationRule {

    public static final String NAME = "template_variables";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void checkTemplate(ParsedTemplate template, List<Finding> out) {
        for (Diagnostic d : template.diagnostics()) {
            out.add(new Finding(NAME, Severity.ERROR, -1, null, d.offset(), d.length(),
                    "syntax error at line " + d.line() + ", column " + d.column() + ": " + d.message()));
        }
        if (template.isValid() && template.variables().isEmpty()) {
            out.add(new Finding(NAME, Severity.WARNING, -1, null, -1, 0,
                    "the template has no placeholders: every case renders the same text"));
        }
    }

    @Override
    public void checkCase(CaseContext c, List<Finding> out) {
        Map<String, ?> values = c.values();
        for (String v : c.template().variables()) {
            Object value = values.get(v);
            if (value == null) {
                out.add(new Finding(NAME, Severity.ERROR, c.caseIndex(), v, -1, 0, values.containsKey(v)
                        ? "variable '" + v + "' is null: give it a value"
                        : "missing variable '" + v + "': the case does not supply it"));
            } else if (value instanceof Map<?, ?> || value instanceof Collection<?> || value.getClass().isArray()) {
                out.add(new Finding(NAME, Severity.ERROR, c.caseIndex(), v, -1, 0, "variable '" + v
                        + "' is " + (value instanceof Map<?, ?> ? "an object" : "a list")
                        + ": values must be text, numbers or booleans"));
            }
        }
        if (values.size() > c.template().variables().size() || !c.template().variables().containsAll(values.keySet())) {
            for (String key : values.keySet()) {
                if (!c.template().variables().contains(key)) {
                    out.add(new Finding(NAME, Severity.WARNING, c.caseIndex(), key, -1, 0,
                            "unused key '" + key + "': the template has no such placeholder"));
                }
            }
        }
    }
}
