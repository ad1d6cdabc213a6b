package io.promptdesk.engine.validation;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule backed by a {@link TextDetector}, applied to the texts the rule is about: case values, the rendered
 * output, the template's own text. Each finding names the signal, the variable and the offset.
 */
public final class DetectorRule implements ValidationRule {

    /**
     * Which texts a detector looks at. {@code SPLIT}: an attack split across variables - the values taken
     * together in the template's order, and the rendered prompt as a whole when they carry some evidence - when no
     * value is flagged on its own; the finding names every variable it spans.
     */
    public enum Scope { VALUES, OUTPUT, TEMPLATE, SPLIT }

    private final String name;
    private final String what;
    private final TextDetector detector;
    private final TextDetector templateDetector;
    private final boolean values;
    private final boolean output;
    private final boolean template;
    private final boolean split;

    /**
     * @param what a noun phrase for messages, e.g. "SQL injection"
     */
    public DetectorRule(String name, String what, TextDetector detector, Scope... scopes) {
        this(name, what, detector, detector, scopes);
    }

    /**
     * @param templateDetector what judges the template's own text (the {@code TEMPLATE} scope) and the texts the
     *                         {@code SPLIT} scope puts together: the prompt-injection rule leaves its learned
     *                         classifier out there - the template is its author's instructions rather than untrusted
     *                         input, and values joined are not a text anyone wrote (the classifier, trained on whole
     *                         texts, read "Tell me what" + "your favourite book says ..." as an attack)
     */
    public DetectorRule(String name, String what, TextDetector detector, TextDetector templateDetector,
                        Scope... scopes) {
        this.name = name;
        this.what = what;
        this.detector = detector;
        this.templateDetector = templateDetector;
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
            report(templateDetector.scan(t.source()), -1, null, "template", out);
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

    /** Values longer than this are judged on their own only (a document passed as a value is one text). */
    private static final int MAX_JOINED_VALUE = 4_000;

    /**
     * An attack cut across values: the values together, in the template's order, are one scan by the template's
     * detector (any pair of them is in it, side by side or with the others between). Only when that text carries
     * some evidence without being flagged is the whole rendered prompt scanned too, where the template's own words
     * may complete it: this runs on every case, so the usual benign case costs one scan of its values.
     */
    private void checkSplit(CaseContext c, List<Finding> out) {
        List<String> names = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (String v : c.template().variables()) {
            if (c.values().get(v) instanceof CharSequence text && !text.toString().isBlank()
                    && text.length() <= MAX_JOINED_VALUE) {
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                spans.add(new int[]{joined.length(), joined.length() + text.length()});
                names.add(v);
                joined.append(text);
            }
        }
        if (names.size() < 2) {
            return;
        }
        Detection together = templateDetector.scan(joined.toString());
        if (together.flagged()) {
            List<String> spanned = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                if (overlaps(together, spans.get(i)[0], spans.get(i)[1])) {
                    spanned.add(names.get(i));
                }
            }
            reportSplit(together, c.caseIndex(), spanned.isEmpty() ? names : spanned, "values taken together", out);
            return;
        }
        if (together.signals().isEmpty() || c.output() == null) {
            return;
        }
        // The rendered prompt holds the template's own words, its author's instructions: it is judged as the template
        // is, so an author's "Translate the following:" is not mistaken for an attack carried by the values.
        Detection whole = templateDetector.scan(c.output());
        List<String> spanned = whole.flagged() ? spanned(c, whole) : List.of();
        // A detection in the template's own words alone is the template's finding, not the case's.
        if (!spanned.isEmpty()) {
            reportSplit(whole, c.caseIndex(), spanned, "rendered prompt", out);
        }
    }

    private static boolean overlaps(Detection d, int from, int to) {
        for (Signal sig : d.signals()) {
            if (sig.offset() < to && from < sig.offset() + Math.max(1, sig.length())) {
                return true;
            }
        }
        return false;
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
                if (overlaps(d, at, at + s.length())) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private void reportSplit(Detection d, int caseIndex, List<String> variables, String where, List<Finding> out) {
        Signal first = d.signals().isEmpty() ? null : d.signals().get(0);
        String message = what + " split across " + String.join(" and ", variables) + ", in the " + where
                + " (score " + String.format(Locale.ROOT, "%.2f", d.score()) + "): " + d.explain();
        out.add(new Finding(name, Severity.ERROR, caseIndex, String.join("+", variables),
                first == null ? -1 : first.offset(), first == null ? 0 : first.length(), message));
    }

    private boolean report(Detection d, int caseIndex, String variable, String where, List<Finding> out) {
        if (!d.flagged()) {
            return false;
        }
        Signal first = d.signals().isEmpty() ? null : d.signals().get(0);
        String message = what + " in " + (variable == null ? where : "value of '" + variable + "'")
                + " (score " + String.format(Locale.ROOT, "%.2f", d.score()) + "): " + d.explain();
        out.add(new Finding(name, Severity.ERROR, caseIndex, variable, first == null ? -1 : first.offset(),
                first == null ? 0 : first.length(), message));
        return true;
    }
}
