package io.promptdesk.engine.validation.sqli;

/**
 * Rules about whole statements: UNION SELECT, SELECTs that read like injected sub-queries rather than prose,
 * stacked statements after a semicolon, and schema changes.
 */
final class StatementRules {

    void apply(TokenList t, SqlGrammar g, RunEvidence ev) {
        int n = t.size();
        for (int i = 0; i < n && !g.exhausted(); i++) {
            TokenType type = t.type(i);
            Keyword k = t.keyword(i);
            if (type == TokenType.UNION) {
                union(t, g, ev, i);
            } else if (k == SqlKeywords.SELECT && type == TokenType.STATEMENT && !afterUnion(t, i)) {
                select(t, g, ev, i);
            } else if (type == TokenType.SEMICOLON && i + 1 < n) {
                stacked(t, g, ev, i);
            } else if (type == TokenType.STATEMENT && t.keywordHas(i + 1, Keyword.OBJECT) && isDdl(k)) {
                schemaChange(t, ev, i);
            } else if (k == SqlKeywords.DECLARE && t.is(i + 1, TokenType.VARIABLE)) {
                ev.add(SqliSignal.STACKED_QUERY, 1.0, i, i + 2);
            } else if ((k == SqlKeywords.EXEC || k == SqlKeywords.EXECUTE) && execTarget(t, i + 1)) {
                ev.add(SqliSignal.STACKED_QUERY, 1.0, i, i + 2);
            } else if (k == SqlKeywords.SHUTDOWN && !t.is(i - 1, TokenType.BAREWORD)) {
                // "; SHUTDOWN --", "IF 1=1 SHUTDOWN WITH NOWAIT"; "the shutdown; ..." is prose
                boolean ends = (Spans.terminal(t, i + 1) && !(t.is(i + 1, TokenType.COMMENT) && Spans.wordyComment(t, i + 1)))
                        || "with".equals(String.valueOf(t.keyword(i + 1)));
                ev.add(SqliSignal.STACKED_QUERY, ends ? 1.0 : 0.4, i, i + 2);
            }
        }
    }

    private static boolean afterUnion(TokenList t, int i) {
        int j = i - 1;
        while (t.is(j, TokenType.LPAREN)) {
            j--;
        }
        return t.is(j, TokenType.UNION);
    }

    private void union(TokenList t, SqlGrammar g, RunEvidence ev, int i) {
        int s = i + 1;
        while (t.is(s, TokenType.LPAREN)) {
            s++;
        }
        boolean afterValue = i > 0 && Spans.endsOperand(t, i - 1);
        if (!t.is(s, SqlKeywords.SELECT)) {
            if (afterValue && s == i + 1 && Spans.terminal(t, s)) {
                ev.add(SqliSignal.UNION_SELECT, 0.6, i, s); // "-1 UNION --": the SELECT is still to come
            }
            return;
        }
        if (s + 1 >= t.size() || t.is(s + 1, TokenType.COMMENT)) {
            // "1 UNION SELECT" cut short; prose rarely ends on these two words after a value
            ev.add(SqliSignal.UNION_SELECT, afterValue ? 1.0 : 0.7, i, s + 1);
            return;
        }
        int e = g.select(s);
        boolean complete = e > 0 && (Spans.terminal(t, e) || t.is(e, TokenType.UNION));
        int from = e > 0 ? Spans.findKeyword(t, s + 1, e, SqlKeywords.FROM) : -1;
        double weight;
        int first = s + 1;
        while (isModifier(t, first)) {
            first += t.is(first, SqlKeywords.TOP) && t.is(first + 1, TokenType.NUMBER) ? 2 : 1;
        }
        if (literalItemWeight(t, first) > 0) {
            weight = 1.0; // UNION SELECT NULL, 1, 'a', @@version, CONCAT(...): no sentence says that
        } else if (complete || from > 0) {
            // a payload inside prose may be followed by more prose, so a FROM clause is enough
            weight = onlyWords(t, s + 1, from > 0 ? from : e) ? 0.5 : 1.0;
        } else {
            weight = 0.4;
        }
        ev.add(SqliSignal.UNION_SELECT, weight, i, complete ? e : s + 1);
    }

    /** "union select few friends": two or more plain words with no commas read as prose. */
    private static boolean onlyWords(TokenList t, int from, int to) {
        for (int j = from; j < to; j++) {
            if (!t.is(j, TokenType.BAREWORD)) {
                return false;
            }
        }
        return to - from >= 2;
    }

    /** A SELECT outside UNION: weighed by how much of it only SQL would say. */
    private void select(TokenList t, SqlGrammar g, RunEvidence ev, int i) {
        int e = g.select(i);
        boolean closedSubquery = t.is(i - 1, TokenType.LPAREN) && (t.is(e, TokenType.RPAREN) || e == t.size());
        if (e < 0 || !(closedSubquery || Spans.terminal(t, e) || t.is(e, TokenType.UNION))) {
            return;
        }
        boolean from = false;
        boolean items = true;
        double item = 0;
        double extra = 0;
        int depth = 0;
        for (int j = i + 1; j < e; j++) {
            TokenType type = t.type(j);
            Keyword k = t.keyword(j);
            if (depth == 0 && items && (j == i + 1 || t.is(j - 1, TokenType.COMMA) || isModifier(t, j - 1))) {
                item = Math.max(item, literalItemWeight(t, j));
            }
            if (type == TokenType.LPAREN) {
                depth++;
            } else if (type == TokenType.RPAREN) {
                depth--;
            }
            if (depth != 0) {
                continue;
            }
            if (k == SqlKeywords.FROM || k == SqlKeywords.INTO || k == SqlKeywords.WHERE || type == TokenType.CLAUSE) {
                items = false;
            }
            from |= k == SqlKeywords.FROM;
            if (items && type == TokenType.COMMA) {
                extra = Math.max(extra, 0.2);
            }
            if (!items && type == TokenType.CLAUSE) {
                extra += 0.3;
            }
            if (!items && k == SqlKeywords.WHERE && (j + 1 == e || Spans.find(t, j, e, TokenType.COMPARE) > 0)) {
                extra += 0.2;
            }
        }
        double weight = (from ? 0.5 : 0.3) + item + extra + subqueryContext(t, i);
        ev.add(SqliSignal.SELECT_STATEMENT, weight, i, e);
    }

    private static boolean isModifier(TokenList t, int j) {
        Keyword k = t.keyword(j);
        return k == SqlKeywords.ALL || k == SqlKeywords.DISTINCT || k == SqlKeywords.TOP;
    }

    /** Selecting constants, variables or function results is how injected queries probe; prose selects words. */
    private static double literalItemWeight(TokenList t, int j) {
        int k = j;
        while (t.is(k, TokenType.ARITH) || t.is(k, TokenType.NOT) || t.is(k, TokenType.LPAREN)) {
            k++;
        }
        TokenType type = t.type(k);
        if (type == TokenType.NUMBER || type == TokenType.VARIABLE
                || (type == TokenType.STRING && !t.has(k, TokenList.UNCLOSED))) {
            return 0.3;
        }
        if (type == TokenType.FUNCTION || t.is(k, SqlKeywords.SELECT) || t.is(k, SqlKeywords.CASE)
                || (type == TokenType.BAREWORD && t.is(k + 1, TokenType.LPAREN) && t.start(k + 1) == t.end(k))) {
            return 0.3;
        }
        if (type == TokenType.ARITH && t.text().charAt(t.start(k)) == '*') {
            return 0.5; // SELECT *
        }
        return 0;
    }

    /** A SELECT nested in an expression - AND (SELECT ...), = (SELECT ...) - is how blind injection asks. */
    private static double subqueryContext(TokenList t, int i) {
        int j = i - 1;
        while (t.is(j, TokenType.LPAREN)) {
            j--;
        }
        TokenType before = t.type(j);
        boolean nested = j < i - 1;
        if (before == TokenType.LOGIC || before == TokenType.COMPARE || before == TokenType.ARITH
                || before == TokenType.FUNCTION || (nested && before == TokenType.COMMA)) {
            return 0.5;
        }
        if (before == TokenType.SEMICOLON || (t.has(0, TokenList.BREAKOUT) && j == 0)) {
            return 0.5;
        }
        return nested ? 0.3 : 0;
    }

    /** A statement after a semicolon: the attacker running a query of their own. */
    private void stacked(TokenList t, SqlGrammar g, RunEvidence ev, int i) {
        int s = i + 1;
        Keyword k = t.keyword(s);
        if (k == null) {
            return;
        }
        double weight = 0;
        int end = s + 1;
        if (k == SqlKeywords.SELECT) {
            int e = g.select(s);
            if (e > 0) {
                weight = Spans.terminal(t, e) ? 1.0 : 0.6;
                end = e;
            }
        } else if (isDdl(k)) {
            weight = t.keywordHas(s + 1, Keyword.OBJECT) && ddlEnds(t, s) ? 1.0 : 0.3;
        } else if (k == SqlKeywords.DELETE || k == SqlKeywords.INSERT) {
            Keyword want = k == SqlKeywords.DELETE ? SqlKeywords.FROM : SqlKeywords.INTO;
            weight = within(t, s + 1, 3, want) ? 1.0 : 0.3;
        } else if (k == SqlKeywords.UPDATE) {
            weight = t.is(s + 2, SqlKeywords.SET) ? 1.0 : 0.3;
        } else if (k == SqlKeywords.EXEC || k == SqlKeywords.EXECUTE) {
            weight = execTarget(t, s + 1) ? 1.0 : 0.4;
        } else if (k == SqlKeywords.DECLARE || k == SqlKeywords.SET) {
            weight = t.is(s + 1, TokenType.VARIABLE) ? 1.0 : 0.2;
        } else if (k == SqlKeywords.SHUTDOWN) {
            weight = Spans.terminal(t, s + 1) || t.is(s + 1, TokenType.KEYWORD) ? 1.0 : 0.3;
        } else if (k == SqlKeywords.LOAD) {
            weight = t.is(s + 1, SqlKeywords.DATA) || t.is(s + 1, SqlKeywords.XML) ? 1.0 : 0.3;
        } else if (k == SqlKeywords.GOTO || k == SqlKeywords.BEGIN || t.is(s, TokenType.TSQL)) {
            weight = 0.5;
        }
        if (weight > 0) {
            ev.add(SqliSignal.STACKED_QUERY, weight, i, end + 1);
        }
    }

    /** EXEC xp_cmdshell, EXEC sp_..., EXEC(@sql), EXEC @proc. */
    private static boolean execTarget(TokenList t, int j) {
        if (t.is(j, TokenType.VARIABLE) || t.is(j, TokenType.LPAREN) || t.keywordHas(j, Keyword.DANGEROUS)) {
            return true;
        }
        if (!t.is(j, TokenType.BAREWORD)) {
            return false;
        }
        String s = t.text();
        int start = t.start(j);
        return t.end(j) - start > 3 && s.charAt(start + 2) == '_' && "xpsp".indexOf(SqlKeywords.lower(s.charAt(start))) >= 0;
    }

    private static boolean within(TokenList t, int from, int count, Keyword want) {
        for (int j = from; j < from + count; j++) {
            if (t.is(j, want)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDdl(Keyword k) {
        if (k == null || k.type() != TokenType.STATEMENT) {
            return false;
        }
        String w = k.word();
        return "drop".equals(w) || "create".equals(w) || "alter".equals(w) || "truncate".equals(w);
    }

    /** DROP TABLE x, TRUNCATE TABLE x: destructive wherever it appears, decisive when the statement ends there. */
    private void schemaChange(TokenList t, RunEvidence ev, int i) {
        int end = t.is(i + 2, TokenType.BAREWORD) ? i + 3 : i + 2;
        ev.add(SqliSignal.SCHEMA_CHANGE, ddlEnds(t, i) ? 1.0 : 0.4, i, end);
    }

    /**
     * Does {@code DROP TABLE name} at {@code i} end like a statement - at a semicolon, comment, end of text, or
     * an opening parenthesis or comma of a longer definition - rather than run on into a sentence?
     */
    private static boolean ddlEnds(TokenList t, int i) {
        if (!t.is(i + 2, TokenType.BAREWORD)) {
            return false;
        }
        int end = i + 3;
        return Spans.terminal(t, end) || t.is(end, TokenType.LPAREN) || t.is(end, TokenType.COMMA);
    }
}
