package io.promptdesk.engine.validation.sqli;

/**
 * Finds the quotes where a payload may break out of a string the target query opened - the places to start a
 * run "inside a string". Prose quotes are skipped: apostrophes inside words (don't, O'Brien) unless an SQL
 * operator follows ({@code aa'or 1=1}), quotes that open a quoted phrase ({@code he said 'hi}), and the quotes
 * that close such a phrase (unless a closing parenthesis follows). The very first character always counts, since the input may start inside a string.
 */
final class BreakoutQuotes {

    /** Fills {@code out} with candidate quote offsets in {@code s[from, to)}; returns how many. */
    int find(String s, int from, int to, int[] out) {
        int count = 0;
        int openSingle = -1;
        int openDouble = -1;
        for (int q = from; q < to && count < out.length; q++) {
            char c = s.charAt(q);
            if (c != '\'' && c != '"') {
                continue;
            }
            boolean letterBefore = q > from && Character.isLetter(s.charAt(q - 1));
            boolean letterAfter = q + 1 < to && Character.isLetter(s.charAt(q + 1));
            if (letterBefore && letterAfter) {
                if (operatorWordAt(s, q + 1, to)) {
                    out[count++] = q;
                }
                continue;
            }
            boolean opening = q > from && opensPhrase(s.charAt(q - 1)) && q + 1 < to && Character.isLetterOrDigit(s.charAt(q + 1));
            int open = c == '\'' ? openSingle : openDouble;
            int nextOpen = opening ? q : -1;
            if (c == '\'') {
                openSingle = nextOpen;
            } else {
                openDouble = nextOpen;
            }
            // a phrase's closing quote still counts when a ')' follows, as in x') --
            if (!opening && (open < 0 || nextNonBlank(s, q + 1, to) == ')')) {
                out[count++] = q;
            }
        }
        return count;
    }

    private static char nextNonBlank(String s, int i, int to) {
        for (int k = i; k < to; k++) {
            if (!SqlLexer.isBlank(s.charAt(k))) {
                return s.charAt(k);
            }
        }
        return 0;
    }

    private static boolean opensPhrase(char before) {
        return SqlLexer.isBlank(before) || before == '(' || before == '[';
    }

    private static boolean operatorWordAt(String s, int start, int to) {
        int end = start;
        while (end < to && SqlLexer.isWordPart(s.charAt(end))) {
            end++;
        }
        Keyword k = SqlKeywords.lookup(s, start, end);
        if (k == null) {
            return false;
        }
        TokenType type = k.type();
        return type == TokenType.LOGIC || type == TokenType.COMPARE || type == TokenType.ARITH || type == TokenType.UNION
                || type == TokenType.NOT || type == TokenType.CLAUSE || type == TokenType.STATEMENT;
    }
}
