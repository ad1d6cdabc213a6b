package io.promptdesk.engine.validation.sqli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlLexerTest {

    private final SqlLexer lexer = new SqlLexer();
    private final TokenFolder folder = new TokenFolder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "1 UNION ALL SELECT 1,2                | 1UE1,1",
        "1 AND 1=1                             | 1&1=1",
        "x IS NOT NULL                         | n=1",
        "a NOT LIKE 'b%'                       | n=s",
        "1 ORDER BY 2                          | 1B1",
        "WAITFOR DELAY '0:0:5'                 | Ts",
        "SLEEP(5)                              | f(1)",
        "sleep well                            | nn",
        "@@version, @x                         | v,v",
        "1e1AND 0x41                           | 1&1",
        "1/*inline*/or/**/1                    | 1&1",
        "1 /*!50000union*/ select 2            | 1UE1",
        "1 or 1 -- trailing                    | 1&1c",
        "information_schema.tables             | n",
        "DBMS_LOCK.SLEEP(5)                    | f(1)",
        "'it''s' \"q\\\"q\" `id`               | ssn",
        "'unclosed                             | s",
    })
    void fingerprintsTokenRuns(String text, String fingerprint) {
        TokenList t = lexer.lex(text, 0, text.length(), false);
        folder.fold(t);
        assertThat(t.fingerprint(0, t.size())).isEqualTo(fingerprint);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "' OR '1'='1      | s&s=s",
        "admin'--         | sc",
        "x') OR ('a'='a   | s)&(s=s",
    })
    void startsInsideAStringWhenBreakingOut(String text, String fingerprint) {
        int quote = text.indexOf('\'');
        TokenList t = lexer.lex(text, quote, text.length(), true);
        folder.fold(t);
        assertThat(t.fingerprint(0, t.size())).isEqualTo(fingerprint);
        assertThat(t.has(0, TokenList.BREAKOUT)).isTrue();
    }
}
