package io.promptdesk.engine.validation.sqli;

/**
 * A forgiving recursive-descent recogniser for the SQL that injections use: expressions, function calls,
 * CASE, sub-selects and SELECT statements with their clauses. Every method returns the index just past what it
 * recognised, or {@link #FAIL}. Work is bounded by a token budget and a nesting limit, so a hostile input
 * cannot make it slow; once the budget is spent every call fails.
 */
final class SqlGrammar {

    static final int FAIL = -1;
    private static final int MAX_DEPTH = 24;
    private static final int MAX_UNARY = 16;

    private final TokenList t;
    private final int n;
    private int budget;
    private int depth;

    SqlGrammar(TokenList tokens, int budget) {
        this.t = tokens;
        this.n = tokens.size();
        this.budget = budget;
    }

    boolean exhausted() {
        return budget <= 0;
    }

    private boolean spend() {
        return --budget > 0;
    }

    /** expr := term (binary-operator term)*; a dangling operator is left out. */
    int expr(int i) {
        int j = term(i);
        while (j >= 0 && j < n && spend()) {
            TokenType type = t.type(j);
            if (type == TokenType.COMPARE || type == TokenType.ARITH || type == TokenType.LOGIC) {
                if (t.keyword(j) == SqlKeywords.IS && !isTruthLiteral(j + 1)) {
                    return j; // IS takes only NULL, TRUE, FALSE or UNKNOWN: "there is no" is English
                }
                int k = term(j + 1);
                if (k < 0) {
                    return j;
                }
                j = k;
            } else if (type == TokenType.KEYWORD && "collate".equals(t.keyword(j).word())
                    && (t.is(j + 1, TokenType.BAREWORD) || t.is(j + 1, TokenType.STRING))) {
                j += 2;
            } else {
                return j;
            }
        }
        return j;
    }

    private boolean isTruthLiteral(int j) {
        int k = j;
        while (t.is(k, TokenType.NOT) || t.is(k, TokenType.LPAREN)) {
            k++;
        }
        return t.is(k, TokenType.NUMBER) && t.keyword(k) != null;
    }

    boolean comparisonAllowed(int j) {
        return t.keyword(j) != SqlKeywords.IS || isTruthLiteral(j + 1);
    }

    /** Operators that may follow a complete operand (used by rules that walk an expression themselves). */
    static boolean isBinary(TokenType type) {
        return type == TokenType.COMPARE || type == TokenType.ARITH || type == TokenType.LOGIC;
    }

    /** term := unary* primary. */
    int term(int i) {
        int j = i;
        int unary = 0;
        while (j < n && unary < MAX_UNARY && isUnary(j)) {
            j++;
            unary++;
        }
        return primary(j);
    }

    private boolean isUnary(int j) {
        TokenType type = t.type(j);
        if (type == TokenType.NOT) {
            return true;
        }
        if (type != TokenType.ARITH || t.end(j) - t.start(j) != 1) {
            return false;
        }
        char c = t.text().charAt(t.start(j));
        return c == '-' || c == '+' || c == '~';
    }

    int primary(int j) {
        if (j >= n || !spend()) {
            return FAIL;
        }
        TokenType type = t.type(j);
        switch (type) {
            case NUMBER, VARIABLE:
                return j + 1;
            case STRING: {
                int k = j + 1;
                while (t.is(k, TokenType.STRING) && !t.has(k, TokenList.BREAKOUT)) {
                    k++;
                }
                return k;
            }
            case BAREWORD, TYPE:
                if (t.is(j + 1, TokenType.LPAREN) && t.start(j + 1) == t.end(j)) {
                    return group(j + 1);
                }
                return j + 1;
            case FUNCTION:
                return t.is(j + 1, TokenType.LPAREN) ? window(group(j + 1)) : FAIL;
            case LPAREN:
                return group(j);
            case KEYWORD:
                return t.keyword(j) == SqlKeywords.CASE ? caseExpr(j) : FAIL;
            case STATEMENT:
                return t.keyword(j) == SqlKeywords.SELECT ? select(j) : FAIL;
            default:
                return FAIL;
        }
    }

    /** {@code OVER (...)} or {@code WITHIN GROUP (...)} after an aggregate call. */
    private int window(int j) {
        if (j < 0 || j >= n || !t.is(j, TokenType.BAREWORD)) {
            return j;
        }
        String w = t.text().substring(t.start(j), t.end(j)).toLowerCase(java.util.Locale.ROOT);
        if ("over".equals(w) && t.is(j + 1, TokenType.LPAREN)) {
            return skipBalanced(j + 1);
        }
        if ("within".equals(w) && t.is(j + 1, TokenType.BAREWORD) && t.is(j + 2, TokenType.LPAREN)) {
            return skipBalanced(j + 2);
        }
        return j;
    }

    /** Past the ')' matching the '(' at {@code p}, or the end of the run. */
    private int skipBalanced(int p) {
        int level = 0;
        for (int j = p; j < n && spend(); j++) {
            if (t.is(j, TokenType.LPAREN)) {
                level++;
            } else if (t.is(j, TokenType.RPAREN) && --level == 0) {
                return j + 1;
            }
        }
        return n;
    }

    /** A parenthesised group or argument list at {@code p}; a group left open at the end still counts. */
    int group(int p) {
        if (depth >= MAX_DEPTH) {
            return FAIL;
        }
        depth++;
        try {
            int j = p + 1;
            if (t.is(j, TokenType.RPAREN)) {
                return j + 1;
            }
            if (j >= n) {
                return n;
            }
            if (t.is(j, TokenType.ARITH) && t.is(j + 1, TokenType.RPAREN) && t.text().charAt(t.start(j)) == '*') {
                return j + 2; // COUNT(*)
            }
            j = t.is(j, SqlKeywords.SELECT) ? select(j) : exprList(j);
            // SUBSTRING(x FROM 1 FOR 1), CAST(x AS CHAR), CONVERT(x USING utf8), x IN (...)
            while (j > 0 && j < n && (t.is(j, TokenType.KEYWORD) || t.is(j, TokenType.TYPE)) && spend()) {
                int k = t.is(j + 1, TokenType.TYPE) ? j + 2 : term(j + 1);
                j = k < 0 ? j + 1 : k;
            }
            if (j < 0) {
                return FAIL;
            }
            if (t.is(j, TokenType.RPAREN)) {
                return j + 1;
            }
            return j >= n ? n : FAIL;
        } finally {
            depth--;
        }
    }

    int exprList(int i) {
        int j = expr(i);
        while (j > 0 && t.is(j, TokenType.COMMA) && spend()) {
            j = expr(j + 1);
        }
        return j;
    }

    private int caseExpr(int i) {
        int j = i + 1;
        if (!t.is(j, SqlKeywords.WHEN)) {
            j = expr(j);
        }
        while (j > 0 && spend()) {
            Keyword k = t.keyword(j);
            if (k == SqlKeywords.WHEN || k == SqlKeywords.THEN || k == SqlKeywords.ELSE) {
                j = expr(j + 1);
            } else if (k == SqlKeywords.END) {
                return j + 1;
            } else {
                return j >= n ? n : FAIL;
            }
        }
        return FAIL;
    }

    /** A SELECT statement at {@code i} with its list and clauses, through any UNION that follows. */
    int select(int i) {
        if (depth >= MAX_DEPTH) {
            return FAIL;
        }
        depth++;
        try {
            int j = i + 1;
            while (j < n && isSelectModifier(j)) {
                j = t.keyword(j) == SqlKeywords.TOP && t.is(j + 1, TokenType.NUMBER) ? j + 2 : j + 1;
            }
            j = selectItem(j);
            while (j > 0 && t.is(j, TokenType.COMMA) && spend()) {
                j = selectItem(j + 1);
            }
            return j < 0 ? FAIL : clauses(j);
        } finally {
            depth--;
        }
    }

    private boolean isSelectModifier(int j) {
        Keyword k = t.keyword(j);
        return k == SqlKeywords.ALL || k == SqlKeywords.DISTINCT || k == SqlKeywords.TOP
                || (t.is(j, TokenType.KEYWORD) && k.has(Keyword.ANCHOR) && k != SqlKeywords.OUTFILE);
    }

    private int selectItem(int j) {
        if (t.is(j, TokenType.ARITH) && t.text().charAt(t.start(j)) == '*') {
            return j + 1;
        }
        int k = expr(j);
        if (k < 0) {
            return FAIL;
        }
        if (t.is(k, SqlKeywords.AS)) {
            k++;
        }
        if (t.is(k, TokenType.BAREWORD) || (t.is(k, TokenType.STRING) && !t.has(k, TokenList.UNCLOSED))) {
            k++;
        }
        return k;
    }

    private int clauses(int j) {
        while (j < n && spend()) {
            Keyword k = t.keyword(j);
            TokenType type = t.type(j);
            if (j + 1 == n && (type == TokenType.CLAUSE || k == SqlKeywords.WHERE || k == SqlKeywords.FROM)) {
                return n; // truncated payloads often stop right after the clause word
            }
            if (k == SqlKeywords.FROM) {
                j = tableList(j + 1);
            } else if (k == SqlKeywords.INTO || k == SqlKeywords.OUTFILE) {
                j = t.is(j + 1, TokenType.STRING) || t.is(j + 1, TokenType.VARIABLE) || t.is(j + 1, TokenType.BAREWORD)
                        ? j + 2 : term(j + 1);
            } else if (k == SqlKeywords.WHERE || (type == TokenType.CLAUSE && "having".equals(k.word()))) {
                j = expr(j + 1);
            } else if (type == TokenType.CLAUSE) {
                j = exprList(j + 1);
                while (j > 0 && (t.is(j, TokenType.KEYWORD) && ("asc".equals(t.keyword(j).word())
                        || "desc".equals(t.keyword(j).word())))) {
                    j++;
                }
            } else if (type == TokenType.UNION) {
                int s = j + 1;
                while (t.is(s, TokenType.LPAREN)) {
                    s++;
                }
                if (!t.is(s, SqlKeywords.SELECT)) {
                    return j;
                }
                j = t.is(j + 1, TokenType.LPAREN) ? group(j + 1) : select(s);
            } else if (k == SqlKeywords.FOR && t.keyword(j + 1) == SqlKeywords.UPDATE) {
                j += 2;
            } else {
                return j;
            }
            if (j < 0) {
                return FAIL;
            }
        }
        return j;
    }

    private int tableList(int j) {
        j = tableRef(j);
        while (j > 0 && spend()) {
            if (t.is(j, TokenType.COMMA)) {
                j = tableRef(j + 1);
            } else if (isJoinWord(j)) {
                while (isJoinWord(j)) {
                    j++;
                }
                j = tableRef(j);
                if (j > 0 && t.is(j, TokenType.KEYWORD) && "on".equals(t.keyword(j).word())) {
                    j = expr(j + 1);
                }
            } else {
                return j;
            }
        }
        return j;
    }

    private boolean isJoinWord(int j) {
        Keyword k = t.keyword(j);
        if (k == null) {
            return false;
        }
        String w = k.word();
        return "join".equals(w) || "inner".equals(w) || "outer".equals(w) || "cross".equals(w)
                || "natural".equals(w) || "straight_join".equals(w)
                || (("left".equals(w) || "right".equals(w)) && t.keyword(j + 1) != null);
    }

    private int tableRef(int j) {
        int k;
        if (t.is(j, TokenType.LPAREN)) {
            k = group(j);
        } else if (t.is(j, TokenType.BAREWORD) || t.is(j, TokenType.VARIABLE) || t.is(j, TokenType.FUNCTION)
                || (t.is(j, TokenType.KEYWORD) && t.keyword(j).has(Keyword.OBJECT))) {
            k = t.is(j, TokenType.FUNCTION) ? group(j + 1) : j + 1;
        } else {
            return FAIL;
        }
        if (k < 0) {
            return FAIL;
        }
        if (t.is(k, SqlKeywords.AS)) {
            k++;
        }
        return t.is(k, TokenType.BAREWORD) || t.keywordHas(k, Keyword.OBJECT) ? k + 1 : k;
    }
}
