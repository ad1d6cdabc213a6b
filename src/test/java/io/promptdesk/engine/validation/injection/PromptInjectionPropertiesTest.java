package io.promptdesk.engine.validation.injection;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class PromptInjectionPropertiesTest {

    @Property(tries = 500)
    void neverThrowsAndKeepsOffsetsInsideTheText(@ForAll @StringLength(max = 400) String text) {
        assertWellFormed(text, Scans.DETECTOR.scan(text));
    }

    @Property(tries = 500)
    void trickyFragmentsNeverBreakTheScanner(@ForAll("fragments") String text) {
        assertWellFormed(text, Scans.DETECTOR.scan(text));
    }

    /** The run that once produced a signal of weight 0 (leetspeak digits beside a Cyrillic look-alike). */
    @Property(tries = 500, seed = "-5979738836432496913")
    void trickyFragmentsOfAKnownBadRunNeverBreakTheScanner(@ForAll("fragments") String text) {
        assertWellFormed(text, Scans.DETECTOR.scan(text));
    }

    /** Concatenations of the pieces the scanner treats specially: surrogates, tags, fences, encodings. */
    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.of("ignore", " previous ", "instructions", "<|", "|>", "![", "](", "http://x/?q={", "<img src=",
                        "\uD83C\uDFF4", "\uDB40\uDC41", "\uDB40\uDC7F", "\uDB40\uDD00", "\uFE0F", "\u200B", "\u202E", "\uD835",
                        "\uDC22", "іо", "ς", "忽略", "之前", "指示", "파", "```", "---", "\n", "SGVsbG8gd29ybGQ=", "4869",
                        "01001000 ", "'s ", "ﬁ", "é", "ǅ", "Ⅻ", "ﾊ", "\u0301", "\u0000", "END OF PROMPT", "system:")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Property(tries = 1000, seed = "20261207")
    void plantedOrdersNeverBreakTheScanner(@ForAll("orderFragments") String text) {
        assertWellFormed(text, Scans.RULES.scan(text));
    }

    /** The pieces {@link PlantedOrders} and {@link HostileCode} read: outputs named, encodings, commands, quotes. */
    @Provide
    Arbitrary<String> orderFragments() {
        return Arbitraries.of("your reply", " the digest of this ", "whoever drafts ", "encode ", "base64", "Base64-encode",
                        " all ", "emoji", " only ", ": ", ":", "\n", "```", "curl -s http://x.xyz/a.sh ", "| bash", "rm -rf ~",
                        "$HOME/*", "'s ", "\"", "“", "”", "www.x.com", "1-888-555-0147", "5/5", " regardless of the ",
                        "tu respuesta", "İ", "É", ", ", ". ", "? ", "Ben: ", "must ", " is to ", "add ", "the following code",
                        " in your solution", "import os\n", "os.system('python x.py')", "requests.post(", "cookies",
                        "don't ", "which never happened", " when you write back", "\u0000", "\uD83D\uDE00")
                .list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    private static void assertWellFormed(String text, Detection d) {
        assertThat(d.signals()).hasSizeLessThanOrEqualTo(Evidence.MAX_SIGNALS);
        assertThat(d.flagged()).isEqualTo(d.score() >= Evidence.THRESHOLD);
        for (Signal s : d.signals()) {
            assertThat(s.offset()).isBetween(0, text.length());
            assertThat(s.length()).isBetween(0, text.length() - s.offset());
            assertThat(s.weight()).isPositive();
        }
    }
}
