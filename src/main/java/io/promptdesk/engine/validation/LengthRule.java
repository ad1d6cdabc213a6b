package io.promptdesk.engine.validation;

import io.promptdesk.model.Finding;
import io.promptdesk.model.Severity;

import java.util.List;

/** {@code min_length} or {@code max_length}: a bound on the rendered output, in characters or tokens. */
public final class LengthRule implements ValidationRule {

    public static final String MIN = "min_length";
    public static final String MAX = "max_length";

    private final boolean minimum;
    private final int bound;
    private final RuleSettings settings;

    private LengthRule(boolean minimum, RuleSettings settings) {
        this.minimum = minimum;
        this.bound = minimum ? settings.minLength() : settings.maxLength();
        this.settings = settings;
    }

    public static LengthRule min(RuleSettings settings) {
        return new LengthRule(true, settings);
    }

    public static LengthRule max(RuleSettings settings) {
        return new LengthRule(false, settings);
    }

    @Override
    public String name() {
        return minimum ? MIN : MAX;
    }

    @Override
    public void checkCase(CaseContext c, List<Finding> out) {
        String output = c.output();
        if (output == null) {
            return;
        }
        // Cheap bounds first: code points <= chars, and a token covers at least one char.
        int chars = output.length();
        if (minimum ? chars < bound || settings.unit() == LengthUnit.TOKENS : chars > bound) {
            int len = length(output);
            boolean bad = minimum ? len < bound : len > bound;
            if (bad) {
                out.add(new Finding(name(), Severity.ERROR, c.caseIndex(), null, minimum ? -1 : offsetOf(output),
                        minimum ? 0 : chars - offsetOf(output),
                        "output is " + len + " " + settings.unitLabel() + ", "
                                + (minimum ? "below the minimum of " : "above the maximum of ") + bound));
            }
        }
    }

    private int length(String output) {
        return settings.unit() == LengthUnit.TOKENS
                ? TokenCounter.count(output, settings.encoding())
                : output.codePointCount(0, output.length());
    }

    /** Where the output passes the maximum, for a character bound; the start otherwise. */
    private int offsetOf(String output) {
        if (settings.unit() != LengthUnit.CHARACTERS) {
            return 0;
        }
        int cps = output.codePointCount(0, output.length());
        return cps > bound ? output.offsetByCodePoints(0, bound) : 0;
    }
}
