package io.promptdesk.ui.author;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.model.TemplateDialect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Computes the editor's highlighting from a parse: placeholders, literal-brace escapes and error spans. */
public final class Highlights {

    private Highlights() {
    }

    /** Non-overlapping highlights sorted by start, all within the source text. */
    public static List<Highlight> of(ParsedTemplate parsed) {
        String src = parsed.source();
        boolean doubleBrace = parsed.dialect() == TemplateDialect.DOUBLE_BRACE;
        List<Highlight> marks = new ArrayList<>();
        for (int i = 0; i < parsed.placeholderCount(); i++) {
            int start = parsed.placeholderOffset(i);
            int close = src.indexOf(doubleBrace ? "}}" : "}", start + 1);
            int end = close < 0 ? src.length() : close + (doubleBrace ? 2 : 1);
            marks.add(new Highlight(start, end, Highlight.Kind.PLACEHOLDER, null));
        }
        for (Diagnostic d : parsed.diagnostics()) {
            int start = Math.min(d.offset(), src.length());
            int end = Math.min(src.length(), start + Math.max(1, d.length()));
            if (end > start) {
                marks.add(new Highlight(start, end, Highlight.Kind.ERROR, d.message()));
            }
        }
        marks.sort(Comparator.comparingInt(Highlight::start));
        List<Highlight> out = new ArrayList<>(marks.size() * 2);
        int cursor = 0;
        for (Highlight h : marks) {
            if (h.start() < cursor) {
                continue;
            }
            if (!doubleBrace) {
                addEscapes(src, cursor, h.start(), out);
            }
            out.add(h);
            cursor = h.end();
        }
        if (!doubleBrace) {
            addEscapes(src, cursor, src.length(), out);
        }
        return List.copyOf(out);
    }

    /** The error message at {@code offset}, or null. */
    public static String errorAt(List<Highlight> highlights, int offset) {
        for (Highlight h : highlights) {
            if (h.kind() == Highlight.Kind.ERROR && h.contains(offset)) {
                return h.message();
            }
        }
        return null;
    }

    /** In Python-format text outside fields, "{{" and "}}" are literal braces; scanned the way the parser does. */
    private static void addEscapes(String src, int from, int to, List<Highlight> out) {
        int i = from;
        while (i + 1 < to) {
            char c = src.charAt(i);
            if ((c == '{' || c == '}') && src.charAt(i + 1) == c) {
                out.add(new Highlight(i, i + 2, Highlight.Kind.ESCAPE, null));
                i += 2;
            } else {
                i++;
            }
        }
    }
}
