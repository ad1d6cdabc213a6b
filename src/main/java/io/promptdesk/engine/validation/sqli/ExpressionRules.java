package io.promptdesk.engine.validation.sqli;

/**
 * Rules about expressions: breaking out of a quoted string, tautologies and boolean probes after AND/OR/WHERE,
 * ORDER BY column probes, and comments that cut the rest of the query off.
 */
final class ExpressionRules {

    /** A re-opened string this short is an attacker balancing quotes, not a quoted phrase. */
    private static final int SHORT_TAIL = 4;

    void apply(TokenList t, SqlGrammar g, RunEvidence ev) {
        if (t.has(0, TokenList.BREAKOUT)) {
            breakout(t, g, ev);
        }
        int n = t.size();
        boolean parenBreakoutSeen = false;
        int depth = 0;
        for (int i = 0; i < n && !g.exhausted(); i++) {
            TokenType type = t.type(i);
            Keyword k = t.keyword(i);
            if (type == TokenType.LPAREN) {
                depth++;
            } else if (type == TokenType.RPAREN && depth > 0) {
                depth--;
                continue;
            }
            if ((type == TokenType.LOGIC && (i == 0 || Spans.endsOperand(t, i - 1))) || k == SqlKeywords.WHERE
                    || k == SqlKeywords.WHEN || (type == TokenType.CLAUSE && "having".equals(k.word()))
                    || (type == TokenType.FUNCTION && isConditional(k))) {
                condition(t, g, ev, type == TokenType.FUNCTION ? i + 1 : i);
            } else if (type == TokenType.RPAREN && !parenBreakoutSeen) {
                parenBreakoutSeen = true;
                parenBreakout(t, ev, i);
            } else if (type == TokenType.CLAUSE && k != null && k.has(Keyword.BEFORE_BY)) {
                columnProbe(t, ev, i);
            } else if (type == TokenType.COMMENT && i > 0 && t.has(i, TokenList.STRONG)) {
                trailingComment(t, ev, i);
            }
        }
    }

    /** The run starts just after a quote: what follows must read as the rest of an SQL expression. */
    private void breakout(TokenList t, SqlGrammar g, RunEvidence ev) {
        int n = t.size();
        int j = 1;
        while (t.is(j, TokenType.RPAREN)) {
            j++;
        }
        if (j >= n) {
            return;
        }
        if (t.is(j, TokenType.COMMENT)) {
            boolean dashes = t.has(j, TokenList.STRONG) && !t.has(j, TokenList.HASH) && !Spans.wordyComment(t, j);
            ev.add(SqliSignal.COMMENT_TRUNCATION, dashes ? 1.0 : 0.5, 0, j + 1);
            return;
        }
        if (!SqlGrammar.isBinary(t.type(j))) {
            return;
        }
        boolean logic = false;
        boolean compare = false;
        int e = j;
        while (e < n && SqlGrammar.isBinary(t.type(e))) {
            int next = g.term(e + 1);
            if (next < 0) {
                break;
            }
            logic |= t.is(e, TokenType.LOGIC);
            compare |= t.is(e, TokenType.COMPARE);
            e = next;
        }
        if (e == j) {
            return;
        }
        double weight;
        if (Spans.reopensQuote(t, e - 1)) {
            weight = reopenedWeight(t, j, e, logic || compare);
        } else if (t.is(e, TokenType.COMMENT) || (e < n && t.is(skipParens(t, e), TokenType.COMMENT))) {
            weight = logic || compare ? 1.0 : 0.7;
        } else if (e >= n) {
            weight = logic || compare ? 0.6 : 0.3;
        } else if (t.is(e, TokenType.SEMICOLON) || t.is(e, TokenType.UNION) || t.is(e, TokenType.CLAUSE)) {
            weight = 0.6;
        } else {
            return;
        }
        ev.add(SqliSignal.QUOTE_BREAKOUT, weight, 0, e);
    }

    /**
     * The payload ends by opening a string that the target query's own closing quote will close, as in
     * {@code ' or 'a'='a}. A short tail is quote balancing; a long one is more likely a quoted phrase; a single
     * operator glued to both quotes is a quoted word ({@code "LIKE"}, {@code 'and'}) or symbol ({@code '+'}).
     */
    private static double reopenedWeight(TokenList t, int j, int e, boolean logical) {
        boolean glued = e == j + 2 && t.start(j) == t.end(0) && t.end(j) == t.start(j + 1);
        if (glued && t.keyword(j) != null) {
            return 0.5;
        }
        if (Spans.stringContentLength(t, e - 1) > SHORT_TAIL) {
            return logical ? 0.7 : 0.5;
        }
        return logical || !glued ? 1.0 : 0.8;
    }

    private static int skipParens(TokenList t, int j) {
        int k = j;
        while (t.is(k, TokenType.RPAREN)) {
            k++;
        }
        return k;
    }

    /** AND/OR/WHERE/HAVING followed by a comparison: constant ones are tautologies or blind probes. */
    private void condition(TokenList t, SqlGrammar g, RunEvidence ev, int i) {
        int a = i + 1;
        int r = arith(t, g, a);
        if (r < 0) {
            return;
        }
        if (t.is(r, TokenType.COMPARE) && g.comparisonAllowed(r)) {
            int r2 = arith(t, g, r + 1);
            if (r2 < 0) {
                return;
            }
            boolean constant = Spans.constant(t, a, r2);
            boolean same = Spans.sameOperand(t, a, r, r + 1, r2);
            SqliSignal kind = same ? SqliSignal.TAUTOLOGY : SqliSignal.BOOLEAN_PROBE;
            double weight;
            if (constant) {
                weight = 1.0;
            } else {
                weight = 0.5;
                if (Spans.terminal(t, r2) || t.has(0, TokenList.BREAKOUT)) {
                    weight += 0.4;
                }
            }
            ev.add(kind, weight, i, r2);
        } else if (r > a && Spans.constant(t, a, r) && t.is(skipParens(t, r), TokenType.COMMENT)
                && t.has(skipParens(t, r), TokenList.STRONG)) {
            ev.add(SqliSignal.BOOLEAN_PROBE, 0.7, i, r);
        }
    }

    private static boolean isConditional(Keyword k) {
        return "if".equals(k.word()) || "iif".equals(k.word());
    }

    /** {@code 1) OR (1=1}: a ')' with no '(' before it closes the target query's parenthesis, then SQL goes on. */
    private void parenBreakout(TokenList t, RunEvidence ev, int i) {
        int j = i;
        while (t.is(j, TokenType.RPAREN)) {
            j++;
        }
        TokenType next = t.type(j);
        Keyword k = t.keyword(j);
        if (next == TokenType.LOGIC || next == TokenType.UNION || next == TokenType.CLAUSE
                || next == TokenType.SEMICOLON || k == SqlKeywords.FROM || k == SqlKeywords.WHERE
                || k == SqlKeywords.OUTFILE || k == SqlKeywords.INTO
                || (next == TokenType.COMMENT && t.has(j, TokenList.STRONG) && !t.has(j, TokenList.HASH))) {
            ev.add(SqliSignal.PAREN_BREAKOUT, 0.4, i, j + 1);
        }
    }

    /** term (arithmetic-operator term)*. */
    private static int arith(TokenList t, SqlGrammar g, int i) {
        int j = g.term(i);
        while (j > 0 && t.is(j, TokenType.ARITH)) {
            int k = g.term(j + 1);
            if (k < 0) {
                return j;
            }
            j = k;
        }
        return j;
    }

    /** {@code ORDER BY 5--}: guessing the column count of the target query. */
    private void columnProbe(TokenList t, RunEvidence ev, int i) {
        if (i == 0 || !Spans.endsOperand(t, i - 1)) {
            return;
        }
        int j = i + 1;
        while (t.is(j, TokenType.NUMBER) && (t.is(j + 1, TokenType.COMMA) && t.is(j + 2, TokenType.NUMBER))) {
            j += 2;
        }
        if (!t.is(j, TokenType.NUMBER)) {
            return;
        }
        j++;
        if (t.is(j, TokenType.COMMENT)) {
            ev.add(SqliSignal.COLUMN_PROBE, t.has(j, TokenList.STRONG) ? 1.0 : 0.6, i - 1, j + 1);
        } else if (j >= t.size() || Spans.terminal(t, j)) {
            ev.add(SqliSignal.COLUMN_PROBE, t.has(0, TokenList.BREAKOUT) ? 0.8 : 0.5, i - 1, j);
        }
    }

    /** A comment right after a literal or a closing parenthesis cuts off the rest of the target query. */
    private void trailingComment(TokenList t, RunEvidence ev, int i) {
        TokenType prev = t.type(i - 1);
        if (prev == TokenType.NUMBER || prev == TokenType.STRING || prev == TokenType.RPAREN
                || prev == TokenType.VARIABLE) {
            ev.add(SqliSignal.COMMENT_TRUNCATION, t.has(i, TokenList.HASH) ? 0.3 : 0.4, i - 1, i + 1);
        }
    }
}
