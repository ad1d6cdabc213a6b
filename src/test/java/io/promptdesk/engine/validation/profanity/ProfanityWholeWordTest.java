package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Signal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The Scunthorpe problem and its cousins: listed letters inside ordinary words and ordinary spacing. */
class ProfanityWholeWordTest {

    private final ProfanityDetector detector = new ProfanityDetector();

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe", "assassin", "classic", "analysis", "document", "title", "cockpit",
            "Essex", "shitake", "shiitake", "grape", "therapist", "class", "pass", "button", "hello", "Dickens",
            "cumulative", "sextant", "cumin", "spicy", "raccoon", "Montenegro", "among", "titanic", "cocktail",
            "Hancock", "scrape", "canal", "harassment", "Massachusetts", "pubescent", "twinkle", "spoon"})
    void wordsContainingListedLettersAreClean(String word) {
        assertThat(detector.scan(word).flagged()).as(word).isFalse();
        assertThat(detector.scan("The " + word + ", again " + word.toUpperCase() + ".").flagged()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"as sassy", "a sassy lass", "pass as such", "I am a US citizen", "Sizes: S M L XL",
            "Let a s and t be integers", "a b a s s", "e.g. i.e. etc.", "x y z", "The vector (a, s, s2)",
            "U.S.A. and U.K."})
    void ordinarySpacingDoesNotJoinWords(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"455 Main Street", "Ship 80085 units", "commit a55e0f3", "Grade A* students",
            "**bold** and *italic*", "x**2 + 3*x", "Get $5 off", "cl@ss", "p@ss the salt", "5 3 7", "v1.3.5",
            "-Wc++17-extensions", "fingerprint B008 8AA3 6115 A55E", "Ty Coon, President of Vice"})
    void numbersPricesAndMarkupAreNotLeetspeak(String text) {
        assertThat(detector.scan(text).flagged()).as(text).isFalse();
    }

    @Test
    void termIsFoundNextToPunctuationAndMarkup() {
        assertThat(detector.scan("**shit**").signals()).extracting(Signal::offset, Signal::length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 4));
        assertThat(detector.scan("(shit)").flagged()).isTrue();
        assertThat(detector.scan("\"shit\"").flagged()).isTrue();
        assertThat(detector.scan("shit's").flagged()).isTrue();
        assertThat(detector.scan("dog-shit").flagged()).isTrue();
        assertThat(detector.scan("!!!shit").flagged()).isTrue();
        assertThat(detector.scan("|shit|").flagged()).isTrue();
    }

    @Test
    void termGluedToOtherLettersIsNotAWord() {
        assertThat(detector.scan("shitstorm? no: shitake, Scunthorpe, bass").flagged()).isFalse();
    }
}
