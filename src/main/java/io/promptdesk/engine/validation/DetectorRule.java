package io.promptdesk.engine.validation;

import io.promptdesk.engine.template.ParsedTemplate;
import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rule backed by a {@link TextDetector}, applied to the texts the rule is about: case values, the rendered
 * output, the template's own text. Each finding names the signal, the variable and the offset.
 */
public final class DetectorRule implements ValidationRule {

    /** Which texts a detector looks at. */
    /**
     * Which texts a detector looks at. {@code SPLIT}: an attack split across variables - every pair of values taken
     * together, in the template's order, and the rendered prompt as a whole - when no value is flagged on its own;
     * the finding names every variable it spans.
     */
    public enum Scope { VALUES, OUTPUT, TEMPLATE, SPLIT }

    private final String name;
    private final String what;
    private final TextDetector detector;
    private final boolean values;
    private final boolean output;
    private final boolean template;
    private final boolean split;

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
        this.split = s.contains(Scope.SPLIT);
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
        if (split && !flaggedValue) {
            checkSplit(c, out);
        }
    }

    /** Values longer than this are not paired (a document passed as a value is judged on its own). */
    private static final int MAX_PAIRED = 4_000;
    /** At most this many values are paired with each other (n (n-1) / 2 scans). */
    private static final int MAX_VALUES_PAIRED = 12;

    private void checkSplit(CaseContext c, List<Finding> out) {
        List<String> names = new ArrayList<>();
        for (String v : c.template().variables()) {
            if (c.values().get(v) instanceof CharSequence text && !text.toString().isBlank()
                    && text.length() <= MAX_PAIRED && names.size() < MAX_VALUES_PAIRED) {
                names.add(v);
            }
        }
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                String a = c.values().get(names.get(i)).toString();
                String b = c.values().get(names.get(j)).toString();
                Detection d = detector.scan(a + " " + b);
                if (d.flagged()) {
                    reportSplit(d, c.caseIndex(), List.of(names.get(i), names.get(j)), "values of '" + names.get(i)
                            + "' and '" + names.get(j) + "' taken together", out);
                    return;
                }
            }
        }
        if (c.output() != null) {
            Detection d = detector.scan(c.output());
            List<String> spanned = d.flagged() ? spanned(c, d) : List.of();
            // A detection in the template's own words alone is the template's finding, not the case's.
            if (!spanned.isEmpty()) {
                reportSplit(d, c.caseIndex(), spanned, "the rendered prompt, across " + spanned.stream()
                        .map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(" and ")), out);
            }
        }
    }

    /** The variables whose value, where it appears in the rendered prompt, overlaps a signal of {@code d}. */
    private static List<String> spanned(CaseContext c, Detection d) {
        List<String> out = new ArrayList<>();
        String text = c.output();
        for (String v : c.template().variables()) {
            if (!(c.values().get(v) instanceof CharSequence value) || value.length() < 2) {
                continue;
            }
            String s = value.toString();
            for (int at = text.indexOf(s); at >= 0 && !out.contains(v); at = text.indexOf(s, at + 1)) {
                for (Signal sig : d.signals()) {
                    int end = sig.offset() + Math.max(1, sig.length());
                    if (at < end && sig.offset() < at + s.length()) {
                        out.add(v);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private void reportSplit(Detection d, int caseIndex, List<String> variables, String where, List<Finding> out) {
        Signal first = d.signals().isEmpty() ? null : d.signals().get(0);
        String message = what + " split across " + String.join(" and ", variables) + ", in the " + where
                + " (score " + String.format(java.util.Locale.ROOT, "%.2f", d.score()) + "): " + d.explain();
        out.add(new Finding(name, Severity.ERROR, caseIndex, String.join("+", variables),
                first == null ? -1 : first.offset(), first == null ? 0 : first.length(), message));
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
