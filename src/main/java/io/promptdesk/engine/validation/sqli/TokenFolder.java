package io.promptdesk.engine.validation.sqli;

/**
 * Folds multi-word SQL keywords into single tokens ({@code UNION ALL}, {@code ORDER BY}, {@code IS NOT},
 * {@code NOT LIKE}, {@code WAITFOR DELAY}, {@code INTO OUTFILE}) and dotted names into one word
 * ({@code information_schema.tables}, {@code dbms_lock.sleep(}), so the judge sees the grammar, not the spelling.
 */
final class TokenFolder {

    void fold(TokenList t) {
        for (int i = 0; i < t.size(); i++) {
            foldAt(t, i);
        }
    }

    private static void foldAt(TokenList t, int i) {
        TokenType type = t.type(i);
        Keyword k = t.keyword(i);
        if (type == TokenType.UNION) {
            int n = 0;
            while (n < 2 && (t.is(i + 1, SqlKeywords.ALL) || t.is(i + 1, SqlKeywords.DISTINCT))) {
                absorb(t, i, TokenType.UNION, k);
                n++;
            }
        } else if (k != null && k.has(Keyword.BEFORE_BY) && t.is(i + 1, SqlKeywords.BY)) {
            absorb(t, i, TokenType.CLAUSE, k);
        } else if (k == SqlKeywords.NOT && t.is(i + 1, TokenType.COMPARE) && t.keyword(i + 1) != null
                && t.keyword(i + 1) != SqlKeywords.IS) {
            absorb(t, i, TokenType.COMPARE, t.keyword(i + 1));
        } else if (k == SqlKeywords.IS && t.is(i + 1, SqlKeywords.NOT)) {
            absorb(t, i, TokenType.COMPARE, k);
        } else if (k == SqlKeywords.SOUNDS && t.is(i + 1, SqlKeywords.LIKE)) {
            absorb(t, i, TokenType.COMPARE, SqlKeywords.LIKE);
        } else if (k == SqlKeywords.WAITFOR && (t.is(i + 1, SqlKeywords.DELAY) || t.is(i + 1, SqlKeywords.TIME))) {
            absorb(t, i, TokenType.TSQL, k);
        } else if (k == SqlKeywords.INTO && (t.is(i + 1, SqlKeywords.OUTFILE) || t.is(i + 1, SqlKeywords.DUMPFILE))) {
            absorb(t, i, TokenType.KEYWORD, SqlKeywords.OUTFILE);
        } else if (type == TokenType.BAREWORD || type == TokenType.KEYWORD || type == TokenType.TYPE) {
            foldDotted(t, i);
        }
    }

    /** {@code a.b}, {@code a..b}, {@code a.b(}: one name; keeps whichever part the judge cares about. */
    private static void foldDotted(TokenList t, int i) {
        while (t.is(i + 1, TokenType.DOT) && t.end(i) == t.start(i + 1)) {
            int j = i + 2;
            if (t.is(j, TokenType.DOT) && t.end(i + 1) == t.start(j)) {
                j++;
            }
            TokenType next = t.type(j);
            if (next == null || t.start(j) != t.end(j - 1) || !isWord(t, j)) {
                return;
            }
            Keyword mine = t.keyword(i);
            Keyword theirs = t.keyword(j);
            Keyword keep = next == TokenType.FUNCTION || mine == null
                    || (theirs != null && theirs.has(Keyword.DANGEROUS | Keyword.DELAY)) ? theirs : mine;
            if (keep == null) {
                keep = mine;
            }
            TokenType type = next == TokenType.FUNCTION ? TokenType.FUNCTION : TokenType.BAREWORD;
            t.set(i, type, t.end(j), keep);
            t.removeAfter(i, j - i);
            if (type == TokenType.FUNCTION) {
                return;
            }
        }
    }

    private static boolean isWord(TokenList t, int j) {
        TokenType type = t.type(j);
        if (type == TokenType.BAREWORD || type == TokenType.FUNCTION) {
            return true;
        }
        // keywords used as column or table names after a dot: users.select is rare, x.table is not
        Keyword k = t.keyword(j);
        return k != null && type != TokenType.NUMBER && type != TokenType.STRING;
    }

    /** Merges token {@code i + 1} into token {@code i}. */
    private static void absorb(TokenList t, int i, TokenType type, Keyword keyword) {
        t.set(i, type, t.end(i + 1), keyword);
        t.removeAfter(i, 1);
    }
}
