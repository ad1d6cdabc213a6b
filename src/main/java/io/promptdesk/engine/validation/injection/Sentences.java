package io.promptdesk.engine.validation.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reading plain text as sentences and words, for {@link PlantedOrders}, {@link ReplyDemands} and {@link HostileCode}:
 * where a sentence ends, its words, and small lookups over them (a word among a few, stems by their first letter).
 * Allocation-free where it says so: these run on every value at every keystroke.
 */
final class Sentences {

    private Sentences() {
    }

    /** Whether {@code text} holds one of the stems grouped by {@link #byFirst}, in any case. Allocates nothing. */
    static boolean containsAny(String text, String[][] table) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = Character.toLowerCase(text.charAt(i));
            String[] candidates = c < 128 ? table[c] : null;
            if (candidates != null) {
                for (String h : candidates) {
                    if (text.regionMatches(true, i, h, 0, h.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Stems grouped by their first (ASCII) character, for a scan that tries only those that can match. */
    static String[][] byFirst(String[] stems) {
        String[][] out = new String[128][];
        for (String stem : stems) {
            char c = stem.charAt(0);
            out[c] = out[c] == null ? new String[] {stem} : java.util.stream.Stream.concat(
                    java.util.Arrays.stream(out[c]), java.util.stream.Stream.of(stem)).toArray(String[]::new);
        }
        return out;
    }

    /**
     * Whether {@code low}, a text already in lower case, holds one of {@code words} (lower case): the cheap test a
     * reading makes before it tries its patterns.
     */
    static boolean holdsAny(String low, String... words) {
        for (String w : words) {
            if (low.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, one char for one, with typographic apostrophes made plain. */
    static String lower(String text) {
        char[] c = new char[text.length()];
        for (int i = 0; i < c.length; i++) {
            char ch = text.charAt(i);
            c[i] = ch == '’' ? '\'' : Character.toLowerCase(ch);
        }
        return new String(c);
    }

    /** The words of a sentence: runs of letters, digits, apostrophes and inner hyphens; "'s" kept on its word. */
    static String[] words(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        for (int i = 0; i < n; ) {
            while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i))
                    || (s.charAt(i) == '\'' || s.charAt(i) == '-') && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1)))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    static boolean isNumber(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return !word.isEmpty();
    }

    static boolean startsWith(String[] w, int k, String[] seq) {
        if (k + seq.length > w.length) {
            return false;
        }
        for (int j = 0; j < seq.length; j++) {
            if (!w[k + j].equals(seq[j])) {
                return false;
            }
        }
        return true;
    }

    /** Words (runs of letters) in {@code s} between {@code from} and {@code to}. */
    static int wordCount(String s, int from, int to) {
        int count = 0;
        boolean in = false;
        for (int i = from; i < to; i++) {
            boolean letter = Character.isLetter(s.charAt(i));
            if (letter && !in) {
                count++;
            }
            in = letter;
        }
        return count;
    }

    /**
     * The end (exclusive) of the sentence that begins at {@code from}: after ". ", "! ", "? " or a line break, not
     * inside double quotes (Add "This one weird trick!" to your reply.) unless they stay open for 200 chars.
     */
    static int sentenceEnd(String low, int from) {
        int n = low.length();
        int quoteOpen = -1;
        for (int i = from; i < n; i++) {
            char c = low.charAt(i);
            if (c == '"' || c == '“' || c == '”') {
                quoteOpen = quoteOpen < 0 && c != '”' ? i : -1;
            }
            boolean inQuote = quoteOpen >= 0 && i - quoteOpen < 200;
            if (c == '\n' || !inQuote && (c == '.' || c == '!' || c == '?')
                    && (i + 1 == n || Character.isWhitespace(low.charAt(i + 1)))) {
                return i + 1;
            }
        }
        return n;
    }

    static int sentenceStart(String low, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = low.charAt(i);
            if (c == '\n' || (c == '.' || c == '!' || c == '?') && i + 1 < low.length()
                    && Character.isWhitespace(low.charAt(i + 1))) {
                return i + 1;
            }
        }
        return 0;
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    static Set<String> firsts(String[][] seqs) {
        Set<String> all = new java.util.HashSet<>();
        for (String[] seq : seqs) {
            all.add(seq[0]);
        }
        return all;
    }

    /** A table of the first three letters of {@code stems} (hashed; a collision only costs a closer look). */
    static boolean[] stems(String[]... stems) {
        boolean[] keys = new boolean[1 << 12];
        for (String[] group : stems) {
            for (String stem : group) {
                keys[key(stem)] = true;
            }
        }
        return keys;
    }

    static boolean stem(boolean[] keys, String word) {
        return word.length() >= 3 && keys[key(word)];
    }

    static int key(String word) {
        return (word.charAt(0) * 961 + word.charAt(1) * 31 + word.charAt(2)) & ((1 << 12) - 1);
    }

    static boolean next(String[] w, int i, String... any) {
        if (i + 1 >= w.length) {
            return false;
        }
        for (String a : any) {
            if (w[i + 1].equals(a)) {
                return true;
            }
        }
        return false;
    }

    static boolean within(String[] w, int from, int n, Set<String> any) {
        for (int k = from; k < w.length && k < from + n; k++) {
            if (any.contains(w[k])) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWithAny(String word, String[] stems) {
        for (String s : stems) {
            if (word.startsWith(s)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasPrefix(String[] w, String[] stems) {
        for (String x : w) {
            if (startsWithAny(x, stems)) {
                return true;
            }
        }
        return false;
    }
}
