package io.promptdesk.engine.validation.sqli;

/**
 * The fast path: one pass over the characters that says whether a text could hold anything the judge would
 * flag. Ordinary prose - words, blanks, commas, full stops, apostrophes inside words - is cleared here without
 * lexing. Anything SQL needs (operators, quotes at word edges, comment markers, escapes, rare SQL words, or
 * AND/OR-like words next to digits, quotes or parentheses) sends the text on to the lexer.
 */
final class SqlGate {

    private static final byte PLAIN = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte ALWAYS = 3;
    private static final byte QUOTE = 4;
    private static final byte PAIR = 5;
    private static final byte PERCENT = 6;
    private static final byte AMPERSAND = 7;
    private static final byte SEMICOLON = 8;
    private static final byte BACKSLASH = 9;
    private static final byte[] CLASS = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASS[c] = LETTER;
            CLASS[c - 32] = LETTER;
        }
        CLASS['_'] = LETTER;
        for (char c = '0'; c <= '9'; c++) {
            CLASS[c] = DIGIT;
        }
        for (char c : "=<>|@`^~".toCharArray()) {
            CLASS[c] = ALWAYS;
        }
        CLASS['\''] = QUOTE;
        CLASS['"'] = QUOTE;
        CLASS['-'] = PAIR;
        CLASS['/'] = PAIR;
        CLASS['*'] = PAIR;
        CLASS['%'] = PERCENT;
        CLASS['&'] = AMPERSAND;
        CLASS[';'] = SEMICOLON;
        CLASS['\\'] = BACKSLASH;
    }

    boolean suspicious(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                if (c >= '\uff01' && c <= '\uff5e') {
                    return true; // full-width ASCII look-alikes
                }
                continue;
            }
            switch (CLASS[c]) {
                case LETTER -> {
                    int j = i + 1;
                    while (j < to && SqlLexer.isWordPart(s.charAt(j))) {
                        j++;
                    }
                    if (anchorWord(s, i, j, from, to)) {
                        return true;
                    }
                    i = j - 1;
                }
                case DIGIT -> {
                    if (c == '0' && i + 2 < to && (s.charAt(i + 1) | 0x20) == 'x' && isHex(s.charAt(i + 2))) {
                        return true;
                    }
                }
                case ALWAYS -> {
                    return true;
                }
                case QUOTE -> {
                    if (!(i > from && isLetter(s.charAt(i - 1)) && i + 1 < to && isLetter(s.charAt(i + 1)))) {
                        return true;
                    }
                }
                case PAIR -> {
                    char d = i + 1 < to ? s.charAt(i + 1) : 0;
                    if ((c == '-' && d == '-') || (c == '/' && d == '*') || (c == '*' && d == '/')) {
                        return true;
                    }
                }
                case PERCENT -> {
                    if (i + 2 < to && (isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2)) || (s.charAt(i + 1) | 0x20) == 'u')) {
                        return true;
                    }
                }
                case AMPERSAND -> {
                    if (i + 1 < to && (s.charAt(i + 1) == '&' || s.charAt(i + 1) == '#' || isEntity(s, i + 1, to))) {
                        return true;
                    }
                }
                case SEMICOLON -> {
                    if (statementFollows(s, i + 1, to)) {
                        return true;
                    }
                }
                case BACKSLASH -> {
                    if (i + 1 < to && "xuN".indexOf(s.charAt(i + 1)) >= 0) {
                        return true;
                    }
                }
                default -> {
                }
            }
        }
        return false;
    }

    private static boolean anchorWord(String s, int i, int j, int from, int to) {
        Keyword k = SqlKeywords.lookup(s, i, j);
        if (k == null) {
            return false;
        }
        if (k.has(Keyword.ANCHOR)) {
            return true;
        }
        TokenType type = k.type();
        boolean operatorLike = type == TokenType.LOGIC || type == TokenType.COMPARE || type == TokenType.NOT
                || type == TokenType.ARITH || type == TokenType.CLAUSE || k.has(Keyword.BEFORE_BY)
                || k == SqlKeywords.WHERE || (k.has(Keyword.FUNCTION) && j < to && s.charAt(j) == '(');
        return operatorLike && (nearValue(s, i - 1, from, -1) || nearValue(s, j, to, 1));
    }

    /** Is the first non-blank character from {@code i} (walking by {@code step}) a digit, quote or bracket. */
    private static boolean nearValue(String s, int i, int limit, int step) {
        for (int k = i, seen = 0; step < 0 ? k >= limit : k < limit; k += step) {
            char c = s.charAt(k);
            if (SqlLexer.isBlank(c) && seen++ < 8) {
                continue;
            }
            return SqlLexer.isDigit(c) || c == '\'' || c == '"' || c == '(' || c == ')';
        }
        return false;
    }

    private static boolean statementFollows(String s, int i, int to) {
        int k = i;
        while (k < to && SqlLexer.isBlank(s.charAt(k))) {
            k++;
        }
        int j = k;
        while (j < to && SqlLexer.isWordPart(s.charAt(j))) {
            j++;
        }
        Keyword kw = SqlKeywords.lookup(s, k, j);
        return kw != null && (kw.type() == TokenType.STATEMENT || kw.type() == TokenType.TSQL
                || kw == SqlKeywords.SET || kw == SqlKeywords.BEGIN);
    }

    private static boolean isEntity(String s, int i, int to) {
        int j = i;
        while (j < to && j - i < 8 && isLetter(s.charAt(j))) {
            j++;
        }
        return j > i && j < to && s.charAt(j) == ';';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 128 && Character.isLetter(c));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
