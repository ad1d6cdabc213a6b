package io.promptdesk.engine.validation.sqli;

/**
 * A small, forgiving SQL lexer. It never fails: whatever it does not understand becomes {@link TokenType#OTHER}.
 * Comments between tokens are dropped (and remembered as evidence), since attackers use them as blanks; a
 * trailing comment is kept because it truncates the rest of the query. MySQL versioned comments
 * {@code /*!50000 ...}{@code *}{@code /} are lexed as code, as MySQL runs them.
 */
final class SqlLexer {

    private static final int MAX_NUMBER_SUFFIX = 32;

    /**
     * Lexes {@code text[from, to)}. With {@code breakout} set, {@code text[from]} is a quote that closes a string
     * the input starts inside; it becomes a virtual {@link TokenType#STRING} token and lexing resumes after it.
     */
    TokenList lex(String text, int from, int to, boolean breakout) {
        TokenList out = new TokenList(text, (to - from) / 4 + 4);
        int i = from;
        if (breakout) {
            int flag = TokenList.BREAKOUT | (text.charAt(from) == '"' ? TokenList.DOUBLE_QUOTED : 0);
            out.add(TokenType.STRING, from, from + 1, null, flag);
            i++;
        }
        boolean versioned = false;
        int pending = 0;
        while (i < to) {
            char c = text.charAt(i);
            if (isBlank(c)) {
                i++;
                continue;
            }
            int before = out.size();
            if (c == '*' && versioned && i + 1 < to && text.charAt(i + 1) == '/') {
                versioned = false;
                i += 2;
                continue;
            }
            if (c == '/' && i + 1 < to && text.charAt(i + 1) == '*') {
                if (i + 2 < to && text.charAt(i + 2) == '!') {
                    if (out.versionedStart < 0) {
                        out.versionedStart = i;
                        out.versionedEnd = Math.min(to, closeOfBlock(text, i + 3, to) + 2);
                    }
                    versioned = true;
                    i += 3;
                    int digits = 0;
                    while (i < to && digits < 6 && isDigit(text.charAt(i))) {
                        i++;
                        digits++;
                    }
                    continue;
                }
                int close = closeOfBlock(text, i + 2, to);
                int end = close < to ? close + 2 : to;
                pending |= comment(out, i, end, to, close >= to);
                i = end;
                continue;
            }
            if (c == '#' || (c == '-' && i + 1 < to && text.charAt(i + 1) == '-')) {
                int end = i + 1;
                while (end < to && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                    end++;
                }
                // "-- " needs a blank in MySQL; "--+" is that blank URL-encoded
                boolean strong = c == '#' || i + 2 >= to || isBlank(text.charAt(i + 2)) || text.charAt(i + 2) == '-'
                        || text.charAt(i + 2) == '+';
                pending |= comment(out, i, end, to, strong);
                if (c == '#' && out.size() > 0 && out.is(out.size() - 1, TokenType.COMMENT) && out.start(out.size() - 1) == i) {
                    out.addFlag(out.size() - 1, TokenList.HASH);
                }
                i = end;
                continue;
            }
            i = token(text, i, to, c, out);
            if (pending != 0 && out.size() > before) {
                out.addFlag(before, pending);
                pending = 0;
            }
        }
        return out;
    }

    /** Emits a trailing comment, or drops an inner one and returns the flag for the next token. */
    private static int comment(TokenList out, int start, int end, int to, boolean strong) {
        int j = end;
        String text = out.text();
        while (j < to && isBlank(text.charAt(j))) {
            j++;
        }
        if (j >= to) {
            out.add(TokenType.COMMENT, start, to, null, strong ? TokenList.STRONG : 0);
            return 0;
        }
        if (out.inlineCommentStart < 0 && out.size() > 0) {
            out.inlineCommentStart = start;
            out.inlineCommentEnd = end;
        }
        return TokenList.AFTER_COMMENT;
    }

    private static int closeOfBlock(String text, int from, int to) {
        for (int j = from; j + 1 < to; j++) {
            if (text.charAt(j) == '*' && text.charAt(j + 1) == '/') {
                return j;
            }
        }
        return to;
    }

    private int token(String text, int i, int to, char c, TokenList out) {
        switch (c) {
            case '\'', '"':
                return string(text, i, to, c, out);
            case '`':
                return quotedWord(text, i, to, '`', out);
            case '(':
                return single(out, TokenType.LPAREN, i);
            case ')':
                return single(out, TokenType.RPAREN, i);
            case ',':
                return single(out, TokenType.COMMA, i);
            case ';':
                return single(out, TokenType.SEMICOLON, i);
            case '@':
                return variable(text, i, to, out);
            case '=':
                return op(out, TokenType.COMPARE, i, next(text, i + 1, to) == '=' ? 2 : 1);
            case '<':
                return lessThan(text, i, to, out);
            case '>':
                return op(out, next(text, i + 1, to) == '>' ? TokenType.ARITH : TokenType.COMPARE, i,
                        next(text, i + 1, to) == '=' || next(text, i + 1, to) == '>' ? 2 : 1);
            case '!':
                char n = next(text, i + 1, to);
                return n == '=' || n == '<' || n == '>' ? op(out, TokenType.COMPARE, i, 2) : op(out, TokenType.NOT, i, 1);
            case '|':
                return next(text, i + 1, to) == '|' ? op(out, TokenType.LOGIC, i, 2) : op(out, TokenType.ARITH, i, 1);
            case '&':
                return next(text, i + 1, to) == '&' ? op(out, TokenType.LOGIC, i, 2) : op(out, TokenType.ARITH, i, 1);
            case ':':
                char m = next(text, i + 1, to);
                if (m == ':') {
                    return op(out, TokenType.ARITH, i, 2);
                }
                return m == '=' ? op(out, TokenType.COMPARE, i, 2) : single(out, TokenType.COLON, i);
            case '+', '-', '*', '/', '%', '^', '~':
                return op(out, TokenType.ARITH, i, 1);
            case '\\':
                if (next(text, i + 1, to) == 'N') {
                    out.add(TokenType.NUMBER, i, i + 2, SqlKeywords.NULL, 0);
                    return i + 2;
                }
                return i + 1;
            case '.':
                return isDigit(next(text, i + 1, to)) ? number(text, i, to, out) : single(out, TokenType.DOT, i);
            case '$':
                return next(text, i + 1, to) == '$' ? dollarString(text, i, to, out) : single(out, TokenType.OTHER, i);
            default:
                if (isDigit(c)) {
                    return number(text, i, to, out);
                }
                if (isWordStart(c)) {
                    return word(text, i, to, out);
                }
                return single(out, TokenType.OTHER, i);
        }
    }

    private static int single(TokenList out, TokenType type, int i) {
        out.add(type, i, i + 1, null, 0);
        return i + 1;
    }

    private static int op(TokenList out, TokenType type, int i, int len) {
        out.add(type, i, i + len, null, 0);
        return i + len;
    }

    private static int lessThan(String text, int i, int to, TokenList out) {
        char n = next(text, i + 1, to);
        if (n == '=' && next(text, i + 2, to) == '>') {
            return op(out, TokenType.COMPARE, i, 3);
        }
        if (n == '<') {
            return op(out, TokenType.ARITH, i, 2);
        }
        return op(out, TokenType.COMPARE, i, n == '=' || n == '>' ? 2 : 1);
    }

    private static int string(String text, int i, int to, char quote, TokenList out) {
        int j = i + 1;
        while (j < to) {
            char c = text.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (j + 1 < to && text.charAt(j + 1) == quote) {
                    j += 2;
                    continue;
                }
                out.add(TokenType.STRING, i, j + 1, null, quote == '"' ? TokenList.DOUBLE_QUOTED : 0);
                return j + 1;
            }
            j++;
        }
        out.add(TokenType.STRING, i, to, null, TokenList.UNCLOSED | (quote == '"' ? TokenList.DOUBLE_QUOTED : 0));
        return to;
    }

    private static int dollarString(String text, int i, int to, TokenList out) {
        int close = text.indexOf("$$", i + 2);
        if (close < 0 || close >= to) {
            out.add(TokenType.STRING, i, to, null, TokenList.UNCLOSED);
            return to;
        }
        out.add(TokenType.STRING, i, close + 2, null, 0);
        return close + 2;
    }

    /** Backtick-quoted identifier; looked up without its quotes so {@code `information_schema`} still counts. */
    private static int quotedWord(String text, int i, int to, char quote, TokenList out) {
        int close = i + 1;
        while (close < to && text.charAt(close) != quote) {
            close++;
        }
        Keyword k = close > i + 1 ? SqlKeywords.lookup(text, i + 1, close) : null;
        int end = Math.min(close + 1, to);
        out.add(TokenType.BAREWORD, i, end, k != null && k.type() == TokenType.BAREWORD ? k : null, 0);
        return end;
    }

    private static int variable(String text, int i, int to, TokenList out) {
        int j = i + 1;
        int flag = 0;
        if (j < to && text.charAt(j) == '@') {
            flag = TokenList.SERVER_VARIABLE;
            j++;
        }
        if (j < to && (text.charAt(j) == '`' || text.charAt(j) == '\'' || text.charAt(j) == '"')) {
            char q = text.charAt(j);
            int close = text.indexOf(q, j + 1);
            j = close < 0 || close >= to ? to : close + 1;
        } else {
            // @@global.max_connections, @@session.sql_mode
            while (j < to && (isWordPart(text.charAt(j)) || (text.charAt(j) == '.' && j + 1 < to && isWordStart(text.charAt(j + 1))))) {
                j++;
            }
        }
        out.add(TokenType.VARIABLE, i, j, null, flag);
        return j;
    }

    private static int number(String text, int i, int to, TokenList out) {
        int j = i;
        char c0 = text.charAt(i);
        char c1 = next(text, i + 1, to);
        if (c0 == '0' && (c1 == 'x' || c1 == 'X') && isHex(next(text, i + 2, to))) {
            j = i + 2;
            while (j < to && isHex(text.charAt(j))) {
                j++;
            }
            return numberTail(text, i, j, to, TokenList.HEX, out);
        }
        if (c0 == '0' && (c1 == 'b' || c1 == 'B') && (next(text, i + 2, to) == '0' || next(text, i + 2, to) == '1')) {
            j = i + 2;
            while (j < to && (text.charAt(j) == '0' || text.charAt(j) == '1')) {
                j++;
            }
            return numberTail(text, i, j, to, 0, out);
        }
        while (j < to && isDigit(text.charAt(j))) {
            j++;
        }
        if (j < to && text.charAt(j) == '.') {
            j++;
            while (j < to && isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < to && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < to && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < to && isDigit(text.charAt(k))) {
                j = k;
                while (j < to && isDigit(text.charAt(j))) {
                    j++;
                }
            }
        }
        return numberTail(text, i, j, to, 0, out);
    }

    /** A number glued to letters: split off a keyword ({@code 1AND}, {@code 0.0UNION}); else one word ({@code 2ND}). */
    private static int numberTail(String text, int i, int j, int to, int flag, TokenList out) {
        if (j >= to || !isWordPart(text.charAt(j))) {
            out.add(TokenType.NUMBER, i, j, null, flag);
            return j;
        }
        int k = j;
        while (k < to && isWordPart(text.charAt(k)) && k - j <= MAX_NUMBER_SUFFIX) {
            k++;
        }
        Keyword kw = SqlKeywords.lookup(text, j, k);
        if (kw != null && kw.type() != TokenType.BAREWORD && kw.type() != TokenType.TYPE) {
            out.add(TokenType.NUMBER, i, j, null, flag);
            return j;
        }
        while (k < to && isWordPart(text.charAt(k))) {
            k++;
        }
        out.add(TokenType.BAREWORD, i, k, null, 0);
        return k;
    }

    private static int word(String text, int i, int to, TokenList out) {
        int j = i + 1;
        while (j < to && isWordPart(text.charAt(j))) {
            j++;
        }
        Keyword k = SqlKeywords.lookup(text, i, j);
        if (k == null) {
            out.add(TokenType.BAREWORD, i, j, null, 0);
            return j;
        }
        TokenType type = k.type();
        if (k.has(Keyword.FUNCTION)) {
            int p = j;
            while (p < to && isBlank(text.charAt(p))) {
                p++;
            }
            if (p < to && text.charAt(p) == '(') {
                type = TokenType.FUNCTION;
            }
        }
        out.add(type, i, j, k, 0);
        return j;
    }

    private static char next(String text, int i, int to) {
        return i < to ? text.charAt(i) : '\0';
    }

    static boolean isBlank(char c) {
        return c <= ' ' || c == '\u00a0' || c == '\u0085' || c == '\u3000' || (c >= '\u2000' && c <= '\u200b')
                || c == '\u2028' || c == '\u2029' || c == '\ufeff' || c == '\u007f';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 128 && Character.isLetter(c));
    }

    static boolean isWordPart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$'
                || (c >= 128 && Character.isLetterOrDigit(c));
    }
}
