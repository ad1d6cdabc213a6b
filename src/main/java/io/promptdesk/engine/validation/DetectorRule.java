package io.promptdesk.engine.validation;

import io.promptdesk.engine.template.ParsedTemplate;
import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * A rule backed by a {@link TextDetector}, applied to the texts the rule is about: case values, the rendered
 * output, the template's own text. Each finding names the signal, the variable and the offset.
 */
public final class DetectorRule implements ValidationRule {

    /** Which texts a detector looks at. */
    public enum Scope { VALUES, OUTPUT, TEMPLATE }

    private final String name;
    private final String what;
    private final TextDetector detector;
    private final boolean values;
    private final boolean output;
    private final boolean template;

    /**
     * @param what a noun phrase for messages, e.g. "SQL injection"
     */
    public DetectorRule(String name, String what, TextDetector detector, Scope... scopes) {
        this.name = name;
        this.what = what;
        this.detector = detector;
        List<Scope> s = List.of(scopes);
        this.values = s.contains(Scope.VALUES);
        this.output = s.contains(Scope.OUTPUT);
        this.template = s.contains(Scope.TEMPLATE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void checkTemplate(ParsedTemplate t, List<Finding> out) {
        if (template) {
            report(detector.scan(t.source()), -1, null, "template", out);
        }
    }

    @Override
    public void checkCase(CaseContext c, List<Finding> out) {
        boolean flaggedValue = false;
        if (values) {
            for (Map.Entry<String, ?> e : c.values().entrySet()) {
                if (e.getValue() instanceof CharSequence text) {
                    flaggedValue |= report(detector.scan(text.toString()), c.caseIndex(), e.getKey(), "value", out);
                }
            }
        }
        // The output is scanned for what only appears once values meet the template; a value already
        // reported is not reported twice through the output.
        if (output && !flaggedValue && c.output() != null) {
            report(detector.scan(c.output()), c.caseIndex(), null, "output", out);
        }
    }

    private boolean report(Detection d, int caseIndex, String variable, String where, List<Finding> out) {
        if (!d.flagged()) {
            return false;
        }
        Signal first = d.signals().isEmpty() ? null : d.signals().get(0);
        String message = what + " in " + (variable == null ? where : "value of '" + variable + "'")
                + " (score " + String.format(java.util.Locale.ROOT, "%.2f", d.score()) + "): " + d.explain();
        out.add(new Finding(name, Severity.ERROR, caseIndex, variable, first == null ? -1 : first.offset(),
                first == null ? 0 : first.length(), message));
        return true;
    }
}
