package io.promptdesk.engine.validation.profanity;

import java.util.Arrays;

/**
 * A text folded by {@link CharFolding} into lower-case symbols, with each symbol's offset in the original text,
 * so a match on the folded form can be reported on the span the user actually wrote.
 */
final class FoldedText {

    private final String original;
    private final char[] symbols;
    private final int length;
    /** Original offset of each symbol; {@code null} while folding kept offsets unchanged (plain ASCII). */
    private final int[] sources;

    private FoldedText(String original, char[] symbols, int length, int[] sources) {
        this.original = original;
        this.symbols = symbols;
        this.length = length;
        this.sources = sources;
    }

    static FoldedText of(String text) {
        int n = text.length();
        char[] symbols = new char[n];
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            // ASCII folds one to one, except NUL which is dropped like other invisible characters
            if (c >= 0x80 || c == 0) {
                return foldFrom(text, symbols, i);
            }
            symbols[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return new FoldedText(text, symbols, n, null);
    }

    private static FoldedText foldFrom(String text, char[] prefix, int start) {
        int n = text.length();
        char[] symbols = prefix;
        int[] sources = new int[n];
        for (int k = 0; k < start; k++) {
            sources[k] = k;
        }
        int len = start;
        int i = start;
        while (i < n) {
            int cp = text.codePointAt(i);
            String many = null;
            char one = 0;
            if (Character.isBmpCodePoint(cp)) {
                one = CharFolding.fold((char) cp);
                if (one == CharFolding.EXPAND) {
                    many = CharFolding.expansion((char) cp);
                }
            } else {
                many = CharFolding.foldCodePoint(cp);
            }
            int needed = len + (many == null ? 1 : many.length());
            if (needed > symbols.length) {
                int capacity = Math.max(needed, symbols.length + (symbols.length >> 1) + 1);
                symbols = Arrays.copyOf(symbols, capacity);
                sources = Arrays.copyOf(sources, capacity);
            }
            if (many != null) {
                for (int k = 0; k < many.length(); k++) {
                    symbols[len] = many.charAt(k);
                    sources[len++] = i;
                }
            } else if (one != CharFolding.DROP) {
                symbols[len] = one;
                sources[len++] = i;
            }
            i += Character.charCount(cp);
        }
        return new FoldedText(text, symbols, len, sources);
    }

    String original() {
        return original;
    }

    int length() {
        return length;
    }

    char at(int k) {
        return symbols[k];
    }

    /** The folded symbols; only the first {@link #length()} are valid. Shared, not copied: do not modify. */
    char[] symbols() {
        return symbols;
    }

    /** True when every symbol sits at its own original offset, i.e. the text was plain ASCII. */
    boolean isPlain() {
        return sources == null;
    }

    /** Original offset where symbol {@code k} starts. */
    int startOf(int k) {
        return sources == null ? k : sources[k];
    }

    /** Original offset just after the character that produced symbol {@code k}. */
    int endOf(int k) {
        int start = startOf(k);
        return start + Character.charCount(original.codePointAt(start));
    }
}
