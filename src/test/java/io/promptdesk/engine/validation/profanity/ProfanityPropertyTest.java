package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfanityPropertyTest {

    private static final ProfanityDetector DETECTOR = new ProfanityDetector();
    private static final List<String> TERMS = TermListReader.readResource(ProfanityDetector.DENY_LIST);
    private static final List<String> BENIGN_WORDS = List.of("Scunthorpe", "assassin", "classic", "analysis",
            "document", "title", "cockpit", "Essex", "shitake", "grape", "therapist", "class", "pass", "button",
            "hello", "Dickens", "cumulative", "sextant", "as", "sassy", "lass", "assess", "cumin", "spicy");

    @Property(tries = 500)
    void anyTextScansWithoutErrorAndSignalsStayInside(@ForAll @StringLength(max = 400) String text) {
        assertWellFormed(text, DETECTOR.scan(text));
    }

    @Property(tries = 500)
    void trickyTextScansWithoutErrorAndSignalsStayInside(@ForAll("tricky") String text) {
        assertWellFormed(text, DETECTOR.scan(text));
    }

    @Property(tries = 300)
    void listedTermBetweenSeparatorsIsFoundOnItsSpan(
            @ForAll("terms") String term, @ForAll("separators") String left, @ForAll("separators") String right) {
        String text = left + term + right;

        List<Signal> signals = DETECTOR.scan(text).signals();

        assertThat(signals).as(text).anySatisfy(s -> {
            assertThat(s.offset()).isLessThanOrEqualTo(left.length());
            assertThat(s.offset() + s.length()).isGreaterThanOrEqualTo(left.length() + term.length());
        });
    }

    @Property(tries = 300)
    void ordinaryWordsInAnyOrderAreClean(@ForAll("benignWords") @Size(max = 30) List<String> words,
                                         @ForAll("separators") String separator) {
        String text = String.join(separator, words);

        assertThat(DETECTOR.scan(text).flagged()).as(text).isFalse();
    }

    @Provide
    Arbitrary<String> terms() {
        return Arbitraries.of(TERMS);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.strings().withChars(" \t\n.,;:?()[]\"'-").ofMinLength(1).ofMaxLength(4);
    }

    @Provide
    Arbitrary<List<String>> benignWords() {
        return Arbitraries.of(BENIGN_WORDS).list();
    }

    /** Text built from the pieces the matcher branches on: leetspeak, masks, spacing, look-alikes, terms. */
    @Provide
    Arbitrary<String> tricky() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(TERMS),
                Arbitraries.of(" ", "  ", ".", "-", "\n", "*", "**", "$", "@", "!", "|", "1", "0", "5", "\u200B",
                        "\u0301", "ß", "ﬁ", "а", "ο", "Ｆ", "\uD835\uDC1F", "\uD83D\uDD95", "\uD800", "\uDC00"),
                Arbitraries.strings().withChars("asfuckhit").ofMinLength(1).ofMaxLength(3));
        return piece.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void assertWellFormed(String text, Detection d) {
        assertThat(d.flagged()).isEqualTo(!d.signals().isEmpty());
        assertThat(d.score()).isEqualTo(d.signals().size());
        assertThat(d.signals()).hasSizeLessThanOrEqualTo(ProfanityDetector.MAX_SIGNALS);
        int previousEnd = 0;
        for (Signal s : d.signals()) {
            assertThat(s.name()).isEqualTo("profanity");
            assertThat(s.weight()).isEqualTo(1.0);
            assertThat(s.evidence()).isNotBlank();
            assertThat(s.length()).isPositive();
            assertThat(s.offset()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(s.offset() + s.length()).isLessThanOrEqualTo(text.length());
            previousEnd = s.offset() + s.length();
        }
    }
}
