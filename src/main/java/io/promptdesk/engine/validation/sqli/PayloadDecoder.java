package io.promptdesk.engine.validation.sqli;

import java.util.ArrayList;
import java.util.List;

/**
 * Undoes the encodings attackers wrap payloads in - URL escapes (also double-encoded and {@code %uXXXX}), form
 * {@code +} blanks, HTML entities, {@code \xHH}/{@code \\uXXXX} escapes, full-width letters, and comments
 * splitting keywords ({@code UN/**}{@code /ION}) - a bounded number of layers deep. Each layer yields a view
 * whose characters map back to offsets in the original text.
 */
final class PayloadDecoder {

    private static final int MAX_LAYERS = 4;

    /** Decoded views of {@code text[from, to)}, outermost layer first; empty when nothing was encoded. */
    List<DecodedView> decode(String text, int from, int to) {
        List<DecodedView> views = new ArrayList<>(2);
        String cur = text.substring(from, to);
        int[] origin = new int[cur.length()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = from + i;
        }
        StringBuilder layers = new StringBuilder();
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            Step step = urlDecode(cur);
            String name = "url";
            if (step == null) {
                step = entityDecode(cur);
                name = "html";
            }
            if (step == null) {
                step = escapeDecode(cur);
                name = "escape";
            }
            if (step == null) {
                step = widthFold(cur);
                name = "fullwidth";
            }
            if (step == null) {
                break;
            }
            origin = compose(origin, step.map);
            cur = step.text;
            layers.append(layers.length() == 0 ? "" : "+").append(name);
            views.add(new DecodedView(cur, origin, layers.toString()));
        }
        Step joined = joinSplitWords(cur);
        if (joined != null) {
            layers.append(layers.length() == 0 ? "" : "+").append("comment-split");
            views.add(new DecodedView(joined.text, compose(origin, joined.map), layers.toString()));
        }
        return views;
    }

    private record Step(String text, int[] map) {
    }

    /** Collects output characters and, for each, the index in the input it came from. */
    private static final class Builder {
        private final StringBuilder sb;
        private int[] map;

        Builder(int capacity) {
            sb = new StringBuilder(capacity);
            map = new int[Math.max(4, capacity)];
        }

        void add(char c, int source) {
            if (sb.length() == map.length) {
                map = java.util.Arrays.copyOf(map, map.length * 2);
            }
            map[sb.length()] = source;
            sb.append(c);
        }

        Step build() {
            return new Step(sb.toString(), java.util.Arrays.copyOf(map, sb.length()));
        }
    }

    private static int[] compose(int[] outer, int[] inner) {
        int[] out = new int[inner.length];
        for (int i = 0; i < inner.length; i++) {
            out[i] = outer[inner[i]];
        }
        return out;
    }

    private static Step urlDecode(String s) {
        boolean escapes = false;
        boolean blanks = false;
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            escapes |= c == '%' && (hexAt(s, i + 1, 2) >= 0 || (next(s, i + 1) | 0x20) == 'u' && hexAt(s, i + 2, 4) >= 0);
            blanks |= SqlLexer.isBlank(c);
            plus |= c == '+';
        }
        // '+' means a blank only in form-encoded text, which has no raw blanks
        boolean form = plus && !blanks;
        if (!escapes && !form) {
            return null;
        }
        Builder b = new Builder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && hexAt(s, i + 1, 2) >= 0) {
                b.add((char) hexAt(s, i + 1, 2), i);
                i += 2;
            } else if (c == '%' && (next(s, i + 1) | 0x20) == 'u' && hexAt(s, i + 2, 4) >= 0) {
                b.add((char) hexAt(s, i + 2, 4), i);
                i += 5;
            } else {
                b.add(form && c == '+' ? ' ' : c, i);
            }
        }
        return b.build();
    }

    private static Step entityDecode(String s) {
        if (s.indexOf('&') < 0) {
            return null;
        }
        Builder b = new Builder(s.length());
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int[] entity = c == '&' ? entity(s, i) : null;
            if (entity != null) {
                b.add((char) entity[0], i);
                i = entity[1] - 1;
                changed = true;
            } else {
                b.add(c, i);
            }
        }
        return changed ? b.build() : null;
    }

    /** {value, end} of the entity at {@code i}, or null. The closing ';' is optional for numeric ones. */
    private static int[] entity(String s, int i) {
        if (next(s, i + 1) == '#') {
            boolean hex = (next(s, i + 2) | 0x20) == 'x';
            int j = i + (hex ? 3 : 2);
            int value = 0;
            int digits = 0;
            while (j < s.length() && digits < 7) {
                int d = Character.digit(s.charAt(j), hex ? 16 : 10);
                if (d < 0) {
                    break;
                }
                value = value * (hex ? 16 : 10) + d;
                j++;
                digits++;
            }
            if (digits == 0 || value > 0xFFFF) {
                return null;
            }
            return new int[] {value, next(s, j) == ';' ? j + 1 : j};
        }
        for (String[] named : NAMED) {
            if (s.startsWith(named[0], i + 1)) {
                return new int[] {named[1].charAt(0), i + 1 + named[0].length()};
            }
        }
        return null;
    }

    private static final String[][] NAMED = {
        {"quot;", "\""}, {"apos;", "'"}, {"amp;", "&"}, {"lt;", "<"}, {"gt;", ">"}, {"nbsp;", " "},
        {"lpar;", "("}, {"rpar;", ")"}, {"equals;", "="}, {"semi;", ";"}, {"comma;", ","}, {"num;", "#"},
        {"ast;", "*"}, {"sol;", "/"}, {"grave;", "`"}
    };

    private static Step escapeDecode(String s) {
        if (s.indexOf('\\') < 0) {
            return null;
        }
        Builder b = new Builder(s.length());
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char d = next(s, i + 1);
            if (c == '\\' && d == 'x' && hexAt(s, i + 2, 2) >= 0) {
                b.add((char) hexAt(s, i + 2, 2), i);
                i += 3;
                changed = true;
            } else if (c == '\\' && d == 'u' && hexAt(s, i + 2, 4) >= 0) {
                b.add((char) hexAt(s, i + 2, 4), i);
                i += 5;
                changed = true;
            } else {
                b.add(c, i);
            }
        }
        return changed ? b.build() : null;
    }

    private static Step widthFold(String s) {
        boolean any = false;
        for (int i = 0; i < s.length() && !any; i++) {
            any = s.charAt(i) >= '\uff01' && s.charAt(i) <= '\uff5e';
        }
        if (!any) {
            return null;
        }
        Builder b = new Builder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.add(c >= '\uff01' && c <= '\uff5e' ? (char) (c - 0xfee0) : c, i);
        }
        return b.build();
    }

    /** Removes plain block comments that sit inside a word ({@code SEL/**}{@code /ECT}), as naive filters do. */
    private static Step joinSplitWords(String s) {
        int at = s.indexOf("/*");
        if (at < 0) {
            return null;
        }
        Builder b = new Builder(s.length());
        boolean changed = false;
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("/*", i) && next(s, i + 2) != '!' && i > 0 && SqlLexer.isWordPart(s.charAt(i - 1))) {
                int close = s.indexOf("*/", i + 2);
                if (close > 0 && close + 2 < s.length() && SqlLexer.isWordPart(s.charAt(close + 2))) {
                    i = close + 1;
                    changed = true;
                    continue;
                }
            }
            b.add(s.charAt(i), i);
        }
        return changed ? b.build() : null;
    }

    private static char next(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** The value of {@code len} hex digits at {@code i}, or -1. */
    private static int hexAt(String s, int i, int len) {
        if (i + len > s.length()) {
            return -1;
        }
        int v = 0;
        for (int k = i; k < i + len; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
