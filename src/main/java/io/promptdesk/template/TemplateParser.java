package io.promptdesk.template;

import io.promptdesk.model.TemplateDialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses prompt templates in either dialect into a {@link ParsedTemplate}. Never throws on any input:
 * every problem becomes a positioned {@link Diagnostic}, and parsing continues after it so that an editor
 * sees all errors at once.
 */
public final class TemplateParser {

    private static final Pattern DOUBLE_BRACE_FIELD = Pattern.compile("\\{\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}}");
    private static final Pattern SINGLE_BRACE_FIELD = Pattern.compile("(?<!\\{)\\{[A-Za-z_][A-Za-z0-9_]*}(?!})");

    private TemplateParser() {
    }

    /**
     * Guesses the dialect: {@code {{ name }}} placeholders with no single-brace ones mean
     * {@link TemplateDialect#DOUBLE_BRACE}; everything else is {@link TemplateDialect#PYTHON_FORMAT}.
     */
    public static TemplateDialect detectDialect(String source) {
        if (source == null || source.indexOf("{{") < 0) {
            return TemplateDialect.PYTHON_FORMAT;
        }
        boolean doubles = DOUBLE_BRACE_FIELD.matcher(source).find();
        boolean singles = SINGLE_BRACE_FIELD.matcher(source).find();
        return doubles && !singles ? TemplateDialect.DOUBLE_BRACE : TemplateDialect.PYTHON_FORMAT;
    }

    /** Parses with the detected dialect. */
    public static ParsedTemplate parse(String source) {
        return parse(source, detectDialect(source));
    }

    public static ParsedTemplate parse(String source, TemplateDialect dialect) {
        String text = source == null ? "" : source;
        Builder b = new Builder(text, dialect);
        if (text.isBlank()) {
            // Nothing to send to a model is never a valid prompt, whatever the syntax says.
            b.error(0, text.length(), text.isEmpty() ? "the template is empty: write the prompt's text"
                    : "the template is only whitespace: write the prompt's text");
        }
        if (dialect == TemplateDialect.DOUBLE_BRACE) {
            b.parseDoubleBrace();
        } else {
            b.parsePythonFormat();
        }
        return b.build();
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c < 128 ? Character.isLetter(c) : Character.isLetter(c));
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static final class Builder {
        private final String src;
        private final TemplateDialect dialect;
        private final List<String> literals = new ArrayList<>();
        private final List<Integer> slots = new ArrayList<>();
        private final List<Integer> slotOffsets = new ArrayList<>();
        private final List<String> variables = new ArrayList<>();
        private final Map<String, Integer> variableIndex = new HashMap<>();
        private final List<int[]> errorSpans = new ArrayList<>();
        private final List<String> errorMessages = new ArrayList<>();
        private final StringBuilder literal = new StringBuilder();

        Builder(String src, TemplateDialect dialect) {
            this.src = src;
            this.dialect = dialect;
        }

        void parsePythonFormat() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '{') {
                    if (i + 1 < n && src.charAt(i + 1) == '{') {
                        literal.append('{');
                        i += 2;
                        continue;
                    }
                    i = pythonField(i);
                } else if (c == '}') {
                    if (i + 1 < n && src.charAt(i + 1) == '}') {
                        literal.append('}');
                        i += 2;
                        continue;
                    }
                    error(i, 1, "single '}' with no matching '{': write '}}' for a literal brace");
                    i++;
                } else {
                    int next = nextBrace(i);
                    literal.append(src, i, next);
                    i = next;
                }
            }
        }

        private int nextBrace(int from) {
            int n = src.length();
            int i = from;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '{' || c == '}') {
                    return i;
                }
                i++;
            }
            return n;
        }

        /** Parses a field starting at the '{' at {@code open}; returns the index after it. */
        private int pythonField(int open) {
            int n = src.length();
            int close = -1;
            int i = open + 1;
            while (i < n) {
                char c = src.charAt(i);
                if (c == '}') {
                    close = i;
                    break;
                }
                if (c == '{' || c == '\n') {
                    break;
                }
                i++;
            }
            if (close < 0) {
                error(open, 1, "'{' is never closed: close the placeholder with '}' or write '{{' for a literal brace");
                return open + 1;
            }
            String body = src.substring(open + 1, close);
            int len = close - open + 1;
            if (body.isEmpty()) {
                error(open, len, "empty placeholder '{}': give it a name, e.g. {topic}");
                return close + 1;
            }
            int bang = body.indexOf('!');
            int colon = body.indexOf(':');
            int end = body.length();
            if (bang >= 0) {
                end = Math.min(end, bang);
            }
            if (colon >= 0) {
                end = Math.min(end, colon);
            }
            String name = body.substring(0, end);
            if (Character.isDigit(name.isEmpty() ? 'x' : name.charAt(0)) && allDigits(name)) {
                error(open, len, "positional placeholder '{" + name + "}': use a name such as {topic}, "
                        + "test cases supply values by name");
                return close + 1;
            }
            int dot = indexOfAny(name, ".[");
            if (dot >= 0) {
                String what = name.charAt(dot) == '.' ? "attribute access" : "index access";
                error(open, len, what + " in '{" + body + "}' is not allowed: placeholders are plain names, "
                        + "pass the value itself as a variable");
                return close + 1;
            }
            if (!validName(name)) {
                error(open, len, invalidNameMessage(name, "{" + body + "}"));
                return close + 1;
            }
            if (bang >= 0 && (colon < 0 || bang < colon)) {
                String conv = body.substring(bang, colon > bang ? colon : body.length());
                error(open, len, "conversion '" + conv + "' in '{" + body + "}' is not allowed: values are inserted "
                        + "verbatim, write {" + name + "}");
                return close + 1;
            }
            if (colon >= 0) {
                error(open, len, "format spec '" + body.substring(colon) + "' in '{" + body + "}' is not allowed: "
                        + "format the value in the test case and write {" + name + "}");
                return close + 1;
            }
            placeholder(name, open);
            return close + 1;
        }

        void parseDoubleBrace() {
            int n = src.length();
            int i = 0;
            while (i < n) {
                int open = src.indexOf("{{", i);
                if (open < 0) {
                    literal.append(src, i, n);
                    break;
                }
                literal.append(src, i, open);
                int close = src.indexOf("}}", open + 2);
                int nextOpen = src.indexOf("{{", open + 2);
                int newline = src.indexOf('\n', open + 2);
                if (close < 0 || (nextOpen >= 0 && nextOpen < close) || (newline >= 0 && newline < close)) {
                    error(open, 2, "'{{' is never closed: close the placeholder with '}}'");
                    literal.append("{{");
                    i = open + 2;
                    continue;
                }
                String body = src.substring(open + 2, close);
                String name = body.strip();
                int len = close + 2 - open;
                if (name.isEmpty()) {
                    error(open, len, "empty placeholder '{{ }}': give it a name, e.g. {{ topic }}");
                } else if (indexOfAny(name, ".[") >= 0) {
                    error(open, len, "attribute or index access in '{{" + body + "}}' is not allowed: "
                            + "placeholders are plain names");
                } else if (name.indexOf('|') >= 0) {
                    error(open, len, "filter in '{{" + body + "}}' is not allowed: placeholders are plain names");
                } else if (!validName(name)) {
                    error(open, len, invalidNameMessage(name, "{{" + body + "}}"));
                } else {
                    placeholder(name, open);
                }
                i = close + 2;
            }
        }

        private static boolean allDigits(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return !s.isEmpty();
        }

        private static int indexOfAny(String s, String chars) {
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }

        private static boolean validName(String name) {
            if (name.isEmpty() || !isNameStart(name.charAt(0))) {
                return false;
            }
            for (int i = 1; i < name.length(); i++) {
                if (!isNamePart(name.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static String invalidNameMessage(String name, String field) {
            String why;
            if (name.isBlank()) {
                why = "the name is blank";
            } else if (!name.equals(name.strip())) {
                why = "spaces around the name are not allowed";
            } else if (Character.isDigit(name.charAt(0))) {
                why = "a name must start with a letter or '_'";
            } else {
                why = "a name is a letter or '_' followed by letters, digits or '_'";
            }
            return "invalid placeholder name in '" + field + "': " + why;
        }

        private void placeholder(String name, int offset) {
            Integer idx = variableIndex.get(name);
            if (idx == null) {
                idx = variables.size();
                variables.add(name);
                variableIndex.put(name, idx);
            }
            literals.add(literal.toString());
            literal.setLength(0);
            slots.add(idx);
            slotOffsets.add(offset);
        }

        private void error(int offset, int length, String message) {
            errorSpans.add(new int[]{offset, length});
            errorMessages.add(message);
        }

        ParsedTemplate build() {
            literals.add(literal.toString());
            List<Diagnostic> diagnostics = new ArrayList<>(errorSpans.size());
            if (!errorSpans.isEmpty()) {
                LineIndex lines = new LineIndex(src);
                for (int k = 0; k < errorSpans.size(); k++) {
                    int off = errorSpans.get(k)[0];
                    diagnostics.add(new Diagnostic(lines.line(off), lines.column(off), off, errorSpans.get(k)[1],
                            errorMessages.get(k)));
                }
            }
            int[] slotArray = slots.stream().mapToInt(Integer::intValue).toArray();
            int[] offsetArray = slotOffsets.stream().mapToInt(Integer::intValue).toArray();
            return new ParsedTemplate(src, dialect, literals.toArray(String[]::new), slotArray, offsetArray,
                    variables, diagnostics);
        }
    }
}
