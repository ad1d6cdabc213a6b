package io.promptdesk.engine.validation.sqli;

import java.util.Arrays;

/**
 * The tokens of one lexed run, stored column-wise to keep lexing allocation-light. Offsets index the text the
 * run was lexed from. Mutable while the lexer and folder fill it; read-only for the judge.
 */
final class TokenList {

    static final int UNCLOSED = 1;
    /** The string the run starts inside: it ends at the quote the run begins with. */
    static final int BREAKOUT = 1 << 1;
    /** A comment SQL would certainly honour: "-- " with a blank, "#", or an unterminated block comment. */
    static final int STRONG = 1 << 2;
    static final int HEX = 1 << 3;
    /** {@code @@name}: a server variable. */
    static final int SERVER_VARIABLE = 1 << 4;
    /** A comment was dropped right before this token, as an attacker would use one for a blank. */
    static final int AFTER_COMMENT = 1 << 5;
    static final int DOUBLE_QUOTED = 1 << 6;
    /** A MySQL {@code #} comment: also common in prose (#2, #home), so weaker evidence than {@code --}. */
    static final int HASH = 1 << 7;

    private final String text;
    private TokenType[] types;
    private int[] starts;
    private int[] ends;
    private Keyword[] keywords;
    private int[] flags;
    private int size;
    /** Start and end of the first MySQL versioned comment {@code /*!...} seen, or -1. */
    int versionedStart = -1;
    int versionedEnd = -1;
    /** Start and end of the first block or line comment that sat between two tokens, or -1. */
    int inlineCommentStart = -1;
    int inlineCommentEnd = -1;

    TokenList(String text, int capacity) {
        this.text = text;
        int cap = Math.max(8, capacity);
        types = new TokenType[cap];
        starts = new int[cap];
        ends = new int[cap];
        keywords = new Keyword[cap];
        flags = new int[cap];
    }

    void add(TokenType type, int start, int end, Keyword keyword, int flag) {
        if (size == types.length) {
            int cap = size * 2;
            types = Arrays.copyOf(types, cap);
            starts = Arrays.copyOf(starts, cap);
            ends = Arrays.copyOf(ends, cap);
            keywords = Arrays.copyOf(keywords, cap);
            flags = Arrays.copyOf(flags, cap);
        }
        types[size] = type;
        starts[size] = start;
        ends[size] = end;
        keywords[size] = keyword;
        flags[size] = flag;
        size++;
    }

    String text() {
        return text;
    }

    int size() {
        return size;
    }

    TokenType type(int i) {
        return i >= 0 && i < size ? types[i] : null;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    Keyword keyword(int i) {
        return i >= 0 && i < size ? keywords[i] : null;
    }

    boolean has(int i, int flag) {
        return i >= 0 && i < size && (flags[i] & flag) != 0;
    }

    boolean is(int i, TokenType type) {
        return i >= 0 && i < size && types[i] == type;
    }

    boolean is(int i, Keyword keyword) {
        return i >= 0 && i < size && keywords[i] == keyword;
    }

    boolean keywordHas(int i, int keywordFlag) {
        Keyword k = keyword(i);
        return k != null && k.has(keywordFlag);
    }

    void set(int i, TokenType type, int end, Keyword keyword) {
        types[i] = type;
        ends[i] = end;
        keywords[i] = keyword;
    }

    void addFlag(int i, int flag) {
        flags[i] |= flag;
    }

    /** Removes {@code count} tokens after {@code i}, shifting the rest down. */
    void removeAfter(int i, int count) {
        int from = i + 1 + count;
        int n = size - from;
        System.arraycopy(types, from, types, i + 1, n);
        System.arraycopy(starts, from, starts, i + 1, n);
        System.arraycopy(ends, from, ends, i + 1, n);
        System.arraycopy(keywords, from, keywords, i + 1, n);
        System.arraycopy(flags, from, flags, i + 1, n);
        size -= count;
    }

    /** libinjection-style fingerprint of tokens {@code [from, to)}, e.g. {@code s&1=1c}. */
    String fingerprint(int from, int to) {
        StringBuilder sb = new StringBuilder(Math.max(0, to - from));
        for (int i = Math.max(0, from); i < Math.min(to, size); i++) {
            sb.append(types[i].code());
        }
        return sb.toString();
    }
}
