package io.promptdesk.engine.validation.sqli;

/** Small questions the rules ask about token spans. */
final class Spans {

    private Spans() {
    }

    /**
     * Does the SQL end cleanly at {@code j}: at the end of the run, a trailing comment, a semicolon, or a string
     * left open at the very end (the quote the target query supplies will close it)? Closing parentheses of the
     * target query may come first.
     */
    static boolean terminal(TokenList t, int j) {
        int k = j;
        while (t.is(k, TokenType.RPAREN)) {
            k++;
        }
        int n = t.size();
        return k >= n || t.is(k, TokenType.COMMENT) || t.is(k, TokenType.SEMICOLON)
                || (k == n - 1 && t.is(k, TokenType.STRING) && t.has(k, TokenList.UNCLOSED));
    }

    /** Does the run end with a string opened at {@code j} that re-uses the quote the run broke out of? */
    static boolean reopensQuote(TokenList t, int j) {
        int n = t.size();
        return j == n - 1 && t.is(j, TokenType.STRING) && t.has(j, TokenList.UNCLOSED)
                && t.has(0, TokenList.BREAKOUT)
                && t.has(j, TokenList.DOUBLE_QUOTED) == t.has(0, TokenList.DOUBLE_QUOTED);
    }

    /** Non-blank characters in the string token {@code j} after its opening quote. */
    static int stringContentLength(TokenList t, int j) {
        String s = t.text();
        int count = 0;
        for (int i = t.start(j) + 1; i < t.end(j); i++) {
            if (!SqlLexer.isBlank(s.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    /** No column names or prose words in {@code [from, to)}: literals, operators, calls and variables only. */
    static boolean constant(TokenList t, int from, int to) {
        for (int i = from; i < to; i++) {
            TokenType type = t.type(i);
            if (type == TokenType.BAREWORD) {
                return false;
            }
            if (type == TokenType.STRING && t.has(i, TokenList.BREAKOUT)) {
                return false;
            }
        }
        return true;
    }

    /** Both spans spell the same operand, ignoring case, quotes and blanks ({@code 'a'='a'}, {@code 1=1}). */
    static boolean sameOperand(TokenList t, int a0, int a1, int b0, int b1) {
        String left = normalised(t, a0, a1);
        return !left.isEmpty() && left.equals(normalised(t, b0, b1));
    }

    private static String normalised(TokenList t, int from, int to) {
        StringBuilder sb = new StringBuilder();
        String s = t.text();
        for (int i = from; i < to; i++) {
            for (int c = t.start(i); c < t.end(i); c++) {
                char ch = s.charAt(c);
                if (ch != '\'' && ch != '"' && ch != '(' && ch != ')' && !SqlLexer.isBlank(ch)) {
                    sb.append(SqlKeywords.lower(ch));
                }
            }
        }
        return sb.toString();
    }

    /** A comment whose body reads as words ("-- and he did") is more likely a dash in prose. */
    static boolean wordyComment(TokenList t, int j) {
        String s = t.text();
        int words = 0;
        int letters = 0;
        for (int i = t.start(j) + 1; i < t.end(j); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            } else {
                words += letters >= 2 ? 1 : 0;
                letters = 0;
            }
        }
        words += letters >= 2 ? 1 : 0;
        return words >= 2;
    }

    /** Index of the first token of kind {@code type} in {@code [from, to)}, or -1. */
    static int find(TokenList t, int from, int to, TokenType type) {
        for (int i = from; i < to; i++) {
            if (t.type(i) == type) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first token with keyword {@code k} in {@code [from, to)}, or -1. */
    static int findKeyword(TokenList t, int from, int to, Keyword k) {
        for (int i = from; i < to; i++) {
            if (t.keyword(i) == k) {
                return i;
            }
        }
        return -1;
    }

    /** Can the token at {@code i} end an operand (so an operator may follow it)? */
    static boolean endsOperand(TokenList t, int i) {
        TokenType type = t.type(i);
        return type != null && (type.isOperand() || type == TokenType.RPAREN || type == TokenType.TYPE);
    }
}
