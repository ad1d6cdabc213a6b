package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One family of disguise at a time; each signal must name the listed term and cover the span as written. */
class ProfanityObfuscationTest {

    private final ProfanityDetector detector = new ProfanityDetector();

    @ParameterizedTest
    @CsvSource({
            "sh1t, shit", "$h!t, shit", "a$$hole, asshole", "@ss, ass", "b1tch, bitch", "c0ck, cock",
            "p0rn, porn", "fuck3r, fucker", "8itch, bitch", "sh|t, shit", "5lut, slut", "wh0r3, whore",
            "cli7, clit", "ni99a, nigga", "p¡ss, piss", "€rotic, erotic"
    })
    void leetspeak(String written, String term) {
        assertWholeSpan("they said " + written + " twice", written, term + " (leetspeak)");
    }

    @ParameterizedTest
    @CsvSource({"f*ck, fuck", "f**k, fuck", "sh*t, shit", "b*tch, bitch", "c*nt, cunt", "a**hole, asshole",
            "f**king, fucking"})
    void maskedLetters(String written, String term) {
        assertWholeSpan("what the " + written + " is that", written, term + " (masked letters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"f u c k", "f.u.c.k", "f-u-c-k", "f_u_c_k", "f . u . c . k", "f, u, c, k", "F U C K"})
    void spacedLetters(String written) {
        assertWholeSpan("well " + written + " you", written, "fuck (spaced letters)");
    }

    @Test
    void spacedLettersMayStartLongerRunsOnlyForLongerTerms() {
        assertThat(evidence("f u c k y o u")).containsExactly("fuck (spaced letters)");
        assertThat(evidence("a s s")).containsExactly("ass (spaced letters)");
        assertThat(evidence("a s s h o l e")).containsExactly("asshole (spaced letters)");
        assertThat(evidence("a b a s s")).isEmpty();
        assertThat(evidence("what a f u c k i n g mess")).containsExactly("fucking (spaced letters)");
        assertThat(evidence("a s s e t")).isEmpty();
    }

    @Test
    void spacedLettersCombineWithLeetspeakAndMasks() {
        assertThat(evidence("$ h 1 t")).containsExactly("shit (leetspeak, spaced letters)");
        assertThat(evidence("f * c k")).containsExactly("fuck (masked letters, spaced letters)");
    }

    @ParameterizedTest
    @CsvSource({"fuuuuck, fuck", "shiiiit, shit", "FUUUCK, fuck", "biiiitch, bitch", "a$$$$hole, asshole"})
    void repeatedLetters(String written, String term) {
        assertThat(signalFor("oh " + written + "!", written).evidence()).startsWith(term + " (").contains("repeated letters");
    }

    @Test
    void doubleLettersThatTheTermHasAreNotRepeats() {
        assertThat(evidence("ass and asss")).containsExactly("ass", "ass (repeated letters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ｆｕｃｋ",                 // full-width
            "fυck",                     // Greek upsilon
            "fuсk",                     // Cyrillic es
            "FUСK",                     // Cyrillic capital es
            "fück", "fúck", "FÜCK",     // precomposed diacritics
            "fu\u0301ck",               // combining acute accent
            "\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24", // mathematical bold
            "ꜰᴜᴄᴋ"                      // small capitals
    })
    void lookAlikeCharacters(String written) {
        assertWholeSpan("so " + written + " it", written, "fuck (look-alike characters)");
    }

    @Test
    void cyrillicAndGreekHomoglyphsInOtherTerms() {
        assertThat(evidence("а$$hole")).containsExactly("asshole (leetspeak, look-alike characters)");
        assertThat(evidence("рοrn")).containsExactly("porn (look-alike characters)");
        assertThat(evidence("ΡΟRΝ")).containsExactly("porn (look-alike characters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fu\u200Bck", "f\u200Cu\u200Dck", "fu\u2060ck", "f\uFEFFuck", "fu\u00ADck"})
    void invisibleCharacters(String written) {
        assertWholeSpan("ah " + written + " no", written, "fuck (invisible characters)");
    }

    @Test
    void invisibleCharactersInsideTheSpanAreNamed() {
        String text = "ah fu\u200Bck no";

        assertThat(detector.scan(text).signals()).containsExactly(
                new Signal("profanity", 3, 5, "fuck (invisible characters)", 1.0));
    }

    @Test
    void offsetsStayOnTheOriginalTextAfterExpandingCharacters() {
        // sharp s folds to "ss" and the ligature to "fi": the folded text is longer than the original
        String text = "ﬁne, großartig, a\u00DFhole";

        Signal s = detector.scan(text).signals().get(0);

        assertThat(text.substring(s.offset(), s.offset() + s.length())).isEqualTo("a\u00DFhole");
        assertThat(s.evidence()).isEqualTo("asshole (look-alike characters)");
    }

    @Test
    void everyFamilyAtOnce() {
        String written = "Ｆ\u200B u u * k";

        Signal s = signalFor("x " + written + " y", written);

        assertThat(s.evidence()).isEqualTo(
                "fuck (masked letters, spaced letters, repeated letters, look-alike characters, invisible characters)");
    }

    private void assertWholeSpan(String text, String written, String evidence) {
        assertThat(signalFor(text, written).evidence()).isEqualTo(evidence);
    }

    /** The single signal of {@code text}, checked to cover exactly {@code written}. */
    private Signal signalFor(String text, String written) {
        List<Signal> signals = detector.scan(text).signals();
        assertThat(signals).as("signals for %s", text).hasSize(1);
        Signal s = signals.get(0);
        assertThat(text.substring(s.offset(), s.offset() + s.length())).isEqualTo(written);
        return s;
    }

    private List<String> evidence(String text) {
        return detector.scan(text).signals().stream().map(Signal::evidence).toList();
    }

    @org.junit.jupiter.api.Test
    void quotesTheTextWhenMaskedLettersFitSeveralTerms() {
        var signal = new ProfanityDetector().scan("what the f***ing hell").signals().get(0);
        org.assertj.core.api.Assertions.assertThat(signal.evidence()).isEqualTo("f***ing (masked letters)");
    }
}
