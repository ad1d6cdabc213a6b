package io.promptdesk.template;

import io.promptdesk.model.PromptValidationException;
import io.promptdesk.model.TemplateDialect;

import java.util.List;
import java.util.Map;

/**
 * A template parsed once and rendered many times. Immutable and thread-safe.
 * <p>
 * Rendering is strict and literal: every placeholder must have a value, and values are inserted verbatim
 * (their {@code toString()}); nothing in a template or a value is ever evaluated.
 */
public final class ParsedTemplate {

    private final String source;
    private final TemplateDialect dialect;
    /** Literal text before placeholder i is {@code literals[i]}; the text after the last one is the final entry. */
    private final String[] literals;
    /** For each placeholder occurrence, the index into {@link #variables}. */
    private final int[] slots;
    private final int[] slotOffsets;
    private final List<String> variables;
    private final List<Diagnostic> diagnostics;
    private final int literalLength;

    ParsedTemplate(String source, TemplateDialect dialect, String[] literals, int[] slots, int[] slotOffsets,
                   List<String> variables, List<Diagnostic> diagnostics) {
        this.source = source;
        this.dialect = dialect;
        this.literals = literals;
        this.slots = slots;
        this.slotOffsets = slotOffsets;
        this.variables = List.copyOf(variables);
        this.diagnostics = List.copyOf(diagnostics);
        int len = 0;
        for (String literal : literals) {
            len += literal.length();
        }
        this.literalLength = len;
    }

    public String source() {
        return source;
    }

    public TemplateDialect dialect() {
        return dialect;
    }

    /** Variable names in order of first appearance. */
    public List<String> variables() {
        return variables;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean isValid() {
        return diagnostics.isEmpty();
    }

    /** Number of placeholder occurrences (a variable used twice counts twice). */
    public int placeholderCount() {
        return slots.length;
    }

    /** Source offset of placeholder occurrence {@code i}. */
    public int placeholderOffset(int i) {
        return slotOffsets[i];
    }

    /** Variable name of placeholder occurrence {@code i}. */
    public String placeholderVariable(int i) {
        return variables.get(slots[i]);
    }

    /** The template's literal text with every placeholder removed, in order (what the template itself says). */
    public String literalText() {
        return String.join("", literals);
    }

    public SyntaxReport syntaxReport() {
        return new SyntaxReport(isValid(), dialect.name().toLowerCase(java.util.Locale.ROOT), variables, diagnostics);
    }

    /** The first variable of this template that {@code values} lacks (absent key or null value), or null. */
    public String firstMissing(Map<String, ?> values) {
        for (String v : variables) {
            if (values.get(v) == null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Renders the template with {@code values}.
     *
     * @throws PromptValidationException when the template has syntax errors or a variable has no value
     */
    public String render(Map<String, ?> values) {
        if (!diagnostics.isEmpty()) {
            throw new PromptValidationException("template has " + diagnostics.size() + " syntax error(s), first at "
                    + diagnostics.get(0));
        }
        String[] resolved = new String[variables.size()];
        int total = literalLength;
        for (int i = 0; i < resolved.length; i++) {
            String name = variables.get(i);
            Object value = values.get(name);
            if (value == null) {
                throw new PromptValidationException(values.containsKey(name)
                        ? "variable '" + name + "' has no value (null)"
                        : "missing variable '" + name + "': the case does not supply it");
            }
            resolved[i] = value.toString();
            total += resolved[i].length();
        }
        StringBuilder out = new StringBuilder(total + (slots.length - resolved.length) * 16);
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]).append(resolved[slots[i]]);
        }
        out.append(literals[slots.length]);
        return out.toString();
    }
}
