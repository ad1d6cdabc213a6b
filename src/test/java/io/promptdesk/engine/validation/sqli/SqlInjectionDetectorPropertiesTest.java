package io.promptdesk.engine.validation.sqli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The detector must finish on anything and never throw, and its signals must point inside the text. */
class SqlInjectionDetectorPropertiesTest {

    private final SqlInjectionDetector detector = new SqlInjectionDetector();

    @Property(tries = 500)
    void scanNeverThrowsOnArbitraryStrings(@ForAll String text) {
        assertWellFormed(text, detector.scan(text));
    }

    @Property(tries = 1000)
    void scanNeverThrowsOnSqlShapedNoise(@ForAll("sqlShaped") String text) {
        assertWellFormed(text, detector.scan(text));
    }

    @Property(tries = 200)
    void scanIsDeterministic(@ForAll("sqlShaped") String text) {
        assertThat(detector.scan(text)).isEqualTo(detector.scan(text));
    }

    @Example
    void finishesOnTenMegabytesOfSqlShapedText() {
        String unit = "x' OR (('a'='a' /*!50000 ((( UNION SELECT %27 &#39; \\x27 -- \n";
        String text = unit.repeat(10 * 1024 * 1024 / unit.length());
        assertWellFormed(text, detector.scan(text));
    }

    @Example
    void finishesOnTenMegabytesOfNestingAndOpenComments() {
        String text = "(".repeat(5 * 1024 * 1024) + "/*" + "'".repeat(5 * 1024 * 1024);
        assertWellFormed(text, detector.scan(text));
    }

    @Provide
    Arbitrary<String> sqlShaped() {
        Arbitrary<String> pieces = Arbitraries.of("'", "\"", "`", "(", ")", "((", " ", "\t", "\n", "--", "-- ", "#", "/*",
                "*/", "/*!", "/*!50000", ";", ",", ".", "=", "<>", "!=", "||", "&&", "@", "@@", "0x", "0x41", "1", "99",
                "1e1", "\\N", "%27", "%2527", "%u0027", "&#39;", "&#x27", "&quot;", "\\x27", "OR", "AND", "UNION",
                "ALL", "SELECT", "FROM", "WHERE", "DROP", "TABLE", "SLEEP", "BENCHMARK", "WAITFOR", "DELAY", "CHAR",
                "CONCAT", "ASCII", "SUBSTRING", "CASE", "WHEN", "THEN", "END", "IS", "NOT", "NULL", "LIKE", "ORDER",
                "BY", "INTO", "OUTFILE", "EXEC", "DECLARE", "information_schema", ".tables", "user", "()", "$$", "[",
                "]", "{", "}", "\u00a0", "\uff07", "é", "\u0000");
        return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    private static void assertWellFormed(String text, Detection d) {
        assertThat(d).isNotNull();
        assertThat(d.score()).isBetween(0.0, 1.0);
        for (Signal s : d.signals()) {
            assertThat(s.offset()).isBetween(0, Math.max(0, text.length() - 1));
            assertThat(s.offset() + s.length()).isLessThanOrEqualTo(text.length());
            assertThat(s.evidence()).isNotNull();
        }
    }
}
