package io.promptdesk.engine.validation.sqli;

/**
 * Rules about calls and objects: time delays, dangerous functions, file access, character-code encoding,
 * blind extraction probes, system catalogues, hex literals and comment obfuscation.
 */
final class FunctionRules {

    /** {@code 0x} plus at least this many hex digits reads as smuggled text rather than a number. */
    private static final int LONG_HEX = 6;

    void apply(TokenList t, SqlGrammar g, RunEvidence ev) {
        int n = t.size();
        int charCalls = 0;
        int firstCharCall = -1;
        int lastCharEnd = -1;
        for (int i = 0; i < n && !g.exhausted(); i++) {
            TokenType type = t.type(i);
            Keyword k = t.keyword(i);
            if (type == TokenType.FUNCTION) {
                int e = g.group(i + 1);
                if (e < 0) {
                    continue;
                }
                call(t, ev, i, e, k);
                if (k.has(Keyword.ENCODER) && isCharCall(t, i + 2, e - 1)) {
                    charCalls++;
                    firstCharCall = firstCharCall < 0 ? i : firstCharCall;
                    lastCharEnd = e;
                }
            } else if (type == TokenType.BAREWORD) {
                bareword(t, g, ev, i, k);
            } else if (type == TokenType.VARIABLE && t.has(i, TokenList.SERVER_VARIABLE)) {
                ev.add(SqliSignal.SYSTEM_OBJECT, 0.6, i, i + 1);
            } else if (type == TokenType.NUMBER && k != null && k.has(Keyword.SYSTEM)) {
                ev.add(SqliSignal.SYSTEM_OBJECT, 0.4, i, i + 1);
            } else if (k == SqlKeywords.OUTFILE && i + 1 < n && !t.is(i + 1, TokenType.COMMENT)) {
                ev.add(SqliSignal.FILE_ACCESS, 1.0, i, i + 2);
            } else if (type == TokenType.TSQL && k == SqlKeywords.WAITFOR && t.is(i + 1, TokenType.STRING)) {
                ev.add(SqliSignal.TIME_DELAY, 1.0, i, i + 2);
            } else if (type == TokenType.NUMBER && t.has(i, TokenList.HEX) && t.end(i) - t.start(i) >= 2 + LONG_HEX) {
                ev.add(SqliSignal.HEX_LITERAL, 0.3, i, i + 1);
            }
        }
        if (charCalls > 0) {
            ev.add(SqliSignal.CHAR_ENCODING, charCalls >= 2 ? 1.0 : 0.5, firstCharCall, lastCharEnd);
        }
        obfuscation(t, ev);
    }

    private void bareword(TokenList t, SqlGrammar g, RunEvidence ev, int i, Keyword k) {
        if (k != null && k.has(Keyword.DANGEROUS) && k.has(Keyword.ANCHOR)) {
            ev.add(SqliSignal.DANGEROUS_CALL, 0.8, i, i + 1);
        } else if (k != null && k.has(Keyword.SYSTEM)) {
            ev.add(SqliSignal.SYSTEM_OBJECT, k.has(Keyword.ANCHOR) ? 0.6 : 0.2, i, i + 1);
        }
        if (t.is(i + 1, TokenType.LPAREN) && t.start(i + 1) == t.end(i)) {
            int e = g.group(i + 1);
            if (e > 0 && probesSystem(t, i + 2, e)) {
                ev.add(SqliSignal.BLIND_EXTRACTION, 0.8, i, e); // COERCIBILITY(USER()), CHARSET(@@version)
            }
        }
    }

    private void call(TokenList t, RunEvidence ev, int i, int e, Keyword k) {
        boolean numberArg = Spans.find(t, i + 2, e, TokenType.NUMBER) >= 0;
        if (k.has(Keyword.DELAY)) {
            ev.add(SqliSignal.TIME_DELAY, numberArg && sqlContext(t, i) ? 1.0 : 0.6, i, e);
        }
        if (k.has(Keyword.DANGEROUS)) {
            SqliSignal kind = "load_file".equals(k.word()) || "pg_read_file".equals(k.word())
                    || "lo_import".equals(k.word()) ? SqliSignal.FILE_ACCESS : SqliSignal.DANGEROUS_CALL;
            ev.add(kind, 1.0, i, e);
        }
        if (k.has(Keyword.PROBE)) {
            double w = probesSystem(t, i + 2, e) ? 1.0 : t.is(e, TokenType.COMPARE) ? 0.5 : 0.2;
            ev.add(SqliSignal.BLIND_EXTRACTION, w, i, e);
        } else if (probesSystem(t, i + 2, e)) {
            ev.add(SqliSignal.BLIND_EXTRACTION, 0.8, i, e); // COERCIBILITY(USER()), LENGTH(@@version)
        }
        if (k.has(Keyword.SYSTEM) && e == i + 3) {
            ev.add(SqliSignal.SYSTEM_OBJECT, 0.6, i, e);
        }
        if (k.has(Keyword.ENCODER) && !isCharCall(t, i + 2, e - 1)) {
            boolean inner = Spans.find(t, i + 2, e, TokenType.FUNCTION) >= 0 || Spans.find(t, i + 2, e, TokenType.VARIABLE) >= 0;
            ev.add(SqliSignal.CHAR_ENCODING, inner ? 0.5 : 0.3, i, e);
        }
    }

    /** Is the call at {@code i} placed where SQL puts a value (after AND, =, (, SELECT ...) rather than in a sentence? */
    private static boolean sqlContext(TokenList t, int i) {
        if (i == 0 || t.has(i - 1, TokenList.BREAKOUT)) {
            return true;
        }
        TokenType prev = t.type(i - 1);
        return prev != TokenType.BAREWORD && prev != TokenType.NUMBER && prev != TokenType.STRING && prev != TokenType.OTHER
                && prev != TokenType.DOT && prev != TokenType.COLON;
    }

    /** CHAR(97), CHR(39), CHAR(0x41, 0x42): arguments are only numbers and commas. */
    private static boolean isCharCall(TokenList t, int from, int to) {
        String name = t.keyword(from - 2).word();
        if (to <= from || !("char".equals(name) || "chr".equals(name) || "nchar".equals(name))) {
            return false;
        }
        for (int j = from; j < to; j++) {
            if (!t.is(j, TokenType.NUMBER) && !t.is(j, TokenType.COMMA)) {
                return false;
            }
        }
        return true;
    }

    /** ASCII(SUBSTRING(...)), LENGTH(DATABASE()), MID(@@version, 1, 1), SUBSTR((SELECT ...), 1, 1). */
    private static boolean probesSystem(TokenList t, int from, int to) {
        for (int j = from; j < to; j++) {
            if (t.is(j, TokenType.FUNCTION) && t.keywordHas(j, Keyword.PROBE | Keyword.SYSTEM)
                    || t.has(j, TokenList.SERVER_VARIABLE) || t.is(j, SqlKeywords.SELECT)
                    || (t.keywordHas(j, Keyword.SYSTEM) && !t.is(j, TokenType.BAREWORD))) {
                return true;
            }
        }
        return false;
    }

    /** MySQL versioned comments and comments standing in for blanks between SQL words. */
    private void obfuscation(TokenList t, RunEvidence ev) {
        if (t.versionedStart >= 0) {
            for (int j = 0; j < t.size(); j++) {
                if (t.start(j) >= t.versionedStart && t.start(j) < t.versionedEnd && isSqlWord(t, j)) {
                    ev.add(SqliSignal.COMMENT_OBFUSCATION, 1.0, j, j + 1);
                    return;
                }
            }
        }
        for (int j = 1; j < t.size(); j++) {
            if (t.has(j, TokenList.AFTER_COMMENT) && isSqlWord(t, j) && (isSqlWord(t, j - 1) || t.type(j - 1).isOperand())) {
                ev.add(SqliSignal.COMMENT_OBFUSCATION, 0.5, j - 1, j + 1);
                return;
            }
        }
    }

    private static boolean isSqlWord(TokenList t, int j) {
        TokenType type = t.type(j);
        return type == TokenType.UNION || type == TokenType.STATEMENT || type == TokenType.LOGIC
                || type == TokenType.CLAUSE || type == TokenType.FUNCTION || type == TokenType.TSQL
                || (type == TokenType.KEYWORD && t.keyword(j) != null);
    }
}
