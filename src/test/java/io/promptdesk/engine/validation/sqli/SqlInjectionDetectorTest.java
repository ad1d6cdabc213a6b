package io.promptdesk.engine.validation.sqli;

import static org.assertj.core.api.Assertions.assertThat;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlInjectionDetectorTest {

    private final SqlInjectionDetector detector = new SqlInjectionDetector();

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "' or 'a'='a", "1 OR 1=1", "x' OR 'x'='x", "') OR ('1'='1",
        "\" or \"\"=\"", "admin' OR 1=1#"})
    void flagsClassicTautologies(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin'--", "admin')--", "admin' -- ", "bob\"--"})
    void flagsLoginBypassThatCommentsOutThePassword(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 UNION SELECT username, password FROM users", "' UNION ALL SELECT NULL,NULL,NULL--",
        "-1 union select 1,2,3", "5 UNION SELECT credit_card FROM payments"})
    void flagsUnionSelect(String text) {
        assertThat(signalNames(detector.scan(text))).as(text).contains("union_select");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UN/**/ION SEL/**/ECT password FROM users", "1/**/union/**/select/**/1,2",
        "1 /*!50000union*/ /*!50000select*/ 1,2,3", "/*!50000select*/ * from users", "1 union#x\nselect 1,2"})
    void flagsUnionSelectHiddenByComments(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\tUNION\tSELECT\t1,2", "1\nunion\nselect\n1,2", "1%0aUNION%0aSELECT%0a1,2",
        "1 uNiOn SeLeCt 1,2,3 --", "1\u00a0UNION\u00a0SELECT\u00a02--"})
    void flagsUnionSelectSpreadOverOddWhitespaceAndCase(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1; DROP TABLE users--", "'; DELETE FROM orders; --", "1; EXEC xp_cmdshell('dir')",
        "x'; INSERT INTO admins VALUES ('eve','pw')--", "1; UPDATE users SET role='admin'", "'; shutdown --"})
    void flagsStackedQueries(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 AND SLEEP(5)", "1' AND SLEEP(5)--", "1; WAITFOR DELAY '0:0:5'--",
        "'; SELECT pg_sleep(5)--", "1 AND BENCHMARK(5000000,MD5(1))", "1) OR SLEEP(3)#"})
    void flagsTimeBasedBlindPayloads(String text) {
        Detection d = detector.scan(text);
        assertThat(d.flagged()).as(text).isTrue();
        assertThat(signalNames(d)).as(text).contains("time_delay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 AND 1=2", "1' AND 1=2 --", "1 AND ASCII(SUBSTRING((SELECT password FROM users),1,1))>64",
        "' AND SUBSTRING(@@version,1,1)='5", "1 AND (SELECT COUNT(*) FROM users) > 0"})
    void flagsBooleanBlindProbes(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%27%20OR%201%3D1%20--", "%2527%2520OR%25201%253D1--", "%u0027 OR 1=1--",
        "1%20UNION%20SELECT%20password%20FROM%20users", "1+UNION+SELECT+1,2"})
    void flagsUrlEncodedPayloads(String text) {
        Detection d = detector.scan(text);
        assertThat(d.flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"&#39; OR 1=1 --", "&#x27; UNION SELECT 1,2 --", "admin&apos;--", "x\\x27 OR 1=1--"})
    void flagsEntityAndEscapeEncodedPayloads(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT CHAR(97)+CHAR(100)+CHAR(109)", "' || CHR(65)||CHR(66) --",
        "1 UNION SELECT CONCAT(CHAR(58),user,CHAR(58))"})
    void flagsCharCodeConcatenation(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 UNION SELECT 0x61646d696e,2", "' OR username=0x61646d696e --"})
    void flagsHexLiterals(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"' AND extractvalue(1,concat(0x7e,version()))--", "' INTO OUTFILE '/var/www/shell.php'--",
        "1 UNION SELECT LOAD_FILE('/etc/passwd')", "1 AND updatexml(1,concat(0x7e,(SELECT user())),1)"})
    void flagsFileAccessAndErrorBasedExtraction(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please look up user admin' OR '1'='1 and show me the results",
        "Order number: 5 UNION SELECT password FROM users -- thanks!"})
    void flagsInjectionEmbeddedInProse(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please select the best option from the list below.", "Select a size: small, medium or large.",
        "The \"Select\" button is greyed out until you choose a file."})
    void leavesProseAboutSelectingAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Drop us a line if you have any questions.", "We need to drop the price by 10% and update the catalogue.",
        "Create a table of contents, then update the index and drop the appendix."})
    void leavesProseAboutDroppingAndUpdatingAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The union of workers voted to strike on Friday.", "\"Union Station\" is where the trains arrive.",
        "O'connors UNION selected a few friends", "1950 UNION MADE"})
    void leavesProseAboutUnionsAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Update: the table is ready", "Where is George? He said he'd be here by noon.",
        "WHERE IS GEORGE", "Order by Friday to get free shipping; returns are free within 30 days."})
    void leavesEverydayUpdatesAndQuestionsAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AS FOR ME AND MY HOUSE", "NOT ALL WHO WANDER", "UNIQUE TABLE RUNNER", "DO OR NOT DO, THERE IS NO",
        "I' IS NOT A PLASTIC BAG"})
    void leavesShoutedPhrasesAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 AND 1/2\" BUTTON", "2 OR 4 METAL BUTTONS", "\"SWEATER DRESS\" AND \"CHRISTMAS\"",
        "LAPTOP CASE 14&#39;", "necklace length 16\" or 18\"", "1950 or 1960", "BILLEEVERSBOUTIQUE , BROWNING \"LIKE\"",
        "\"foo\" AND \"bar\" AND"})
    void leavesProductSearchesAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"She said 'hello' and then 'goodbye' before leaving.", "It's 5 o'clock somewhere, isn't it?",
        "Jack O'Neill and Sam Carter joined the union in 1998.", "Rock 'n' roll never dies -- at least that's what dad says."})
    void leavesContractionsAndQuotationsAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"In SQL, the SELECT statement retrieves rows from a table, and WHERE filters them.",
        "Can you explain how \"UNION SELECT\" attacks work?", "Never build queries by concatenating user input."})
    void leavesProseAboutSqlAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Price: $25 or 2 for $40 -- limited time only!", "I rated it 4/5 -- pretty good.",
        "Email me at jane.doe@example.com or call (555) 123-4567.", "Summary: 1) gather data 2) analyse it and 3) report.",
        "Sleep for 8 hours (at least) and drink water.", "If x > 5 and y < 3 then the point lies outside the region.",
        "# Summary\n\n- item one\n- item #2", "<a href=\"#home\">Home</a> | <a href=\"#about\">About</a>"})
    void leavesEverydayNumbersMarkupAndPunctuationAlone(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @Test
    void reportsWhatMatchedAndWhere() {
        String text = "name: x' UNION SELECT password FROM users--";
        Detection d = detector.scan(text);
        Signal union = d.signals().stream().filter(s -> s.name().equals("union_select")).findFirst().orElseThrow();
        assertThat(union.offset()).isEqualTo(text.indexOf("UNION"));
        assertThat(union.evidence()).startsWith("UNION SELECT password FROM users");
        assertThat(union.weight()).isEqualTo(1.0);
        assertThat(d.explain()).contains("union_select at " + text.indexOf("UNION"));
    }

    @Test
    void mapsSignalsFoundInDecodedTextBackToOriginalOffsets() {
        String text = "q=1%20UNION%20SELECT%20password%20FROM%20users";
        Detection d = detector.scan(text);
        assertThat(d.flagged()).isTrue();
        Signal union = d.signals().stream().filter(s -> s.name().equals("union_select")).findFirst().orElseThrow();
        assertThat(union.offset()).isEqualTo(text.indexOf("UNION"));
        assertThat(union.offset() + union.length()).isEqualTo(text.length());
        assertThat(signalNames(d)).contains("encoded_input");
    }

    @Test
    void returnsCleanForNullEmptyAndPlainProse() {
        assertThat(detector.scan(null)).isEqualTo(Detection.CLEAN);
        assertThat(detector.scan("")).isEqualTo(Detection.CLEAN);
        assertThat(detector.scan("Write a professional article about AI ethics for engineers.")).isEqualTo(Detection.CLEAN);
    }

    @Test
    void keepsScoreWithinZeroAndOne() {
        Detection d = detector.scan("' UNION SELECT 1,@@version,3 INTO OUTFILE '/tmp/x'; DROP TABLE t; -- ");
        assertThat(d.flagged()).isTrue();
        assertThat(d.score()).isBetween(0.0, 1.0);
    }

    @Test
    void findsPayloadPastTheFirstWindowOfALongText() {
        String prose = "The quick brown fox jumps over the lazy dog. ".repeat(2000);
        Detection d = detector.scan(prose + "id=1' OR '1'='1' -- " + prose);
        assertThat(d.flagged()).isTrue();
        assertThat(d.signals().get(0).offset()).isGreaterThan(prose.length() - 20);
    }

    private static java.util.List<String> signalNames(Detection d) {
        return d.signals().stream().map(Signal::name).toList();
    }
}
