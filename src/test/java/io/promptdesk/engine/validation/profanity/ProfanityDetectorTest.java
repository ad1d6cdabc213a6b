package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfanityDetectorTest {

    private final ProfanityDetector detector = new ProfanityDetector();

    @Test
    void plainTermGivesOneProfanitySignalOnItsSpan() {
        Detection d = detector.scan("Well, shit happens.");

        assertThat(d.flagged()).isTrue();
        assertThat(d.score()).isEqualTo(1.0);
        assertThat(d.signals()).containsExactly(new Signal("profanity", 6, 4, "shit", 1.0));
    }

    @Test
    void cleanTextAndEmptyTextAreNotFlagged() {
        assertThat(detector.scan("Summarise the customer's message politely.")).isEqualTo(Detection.CLEAN);
        assertThat(detector.scan("")).isEqualTo(Detection.CLEAN);
        assertThat(detector.scan(null)).isEqualTo(Detection.CLEAN);
    }

    @Test
    void everyOccurrenceIsReportedInTextOrderAndScoreCountsThem() {
        Detection d = detector.scan("fuck this, BITCH, and fuck that");

        assertThat(d.signals()).extracting(Signal::offset).containsExactly(0, 11, 22);
        assertThat(d.signals()).extracting(Signal::evidence).containsExactly("fuck", "bitch", "fuck");
        assertThat(d.score()).isEqualTo(3.0);
        assertThat(d.explain()).isEqualTo("profanity at 0: 'fuck'; profanity at 11: 'bitch'; profanity at 22: 'fuck'");
    }

    @Test
    void caseDoesNotMatterAndIsNotCalledObfuscation() {
        assertThat(evidence("What the FuCk?")).containsExactly("fuck");
    }

    @Test
    void phrasesMatchAcrossSpacesNewlinesAndPunctuation() {
        assertThat(evidence("a blow job")).containsExactly("blow job");
        assertThat(evidence("a blow   job")).containsExactly("blow job");
        assertThat(evidence("a blow\njob")).containsExactly("blow job");
        assertThat(evidence("a blow-job")).containsExactly("blow job");
        assertThat(evidence("the 2 girls 1 cup video")).containsExactly("2 girls 1 cup");
        assertThat(evidence("G spot and g-spot")).containsExactly("g-spot", "g-spot");
    }

    @Test
    void longestTermWinsOverItsPrefix() {
        Signal s = detector.scan("you motherfucker").signals().get(0);

        assertThat(s.evidence()).isEqualTo("motherfucker");
        assertThat(s.offset()).isEqualTo(4);
        assertThat(s.length()).isEqualTo(12);
        assertThat(evidence("a piece of shit")).containsExactly("piece of shit");
    }

    @Test
    void symbolTermsMatchWithoutWordBoundaries() {
        assertThat(evidence("ok🖕")).containsExactly("🖕");
        assertThat(evidence("into S&M gear")).containsExactly("s&m");
    }

    @Test
    void shippedAllowListKeepsHarmlessPhrases() {
        assertThat(detector.scan("She graduated summa cum laude.").flagged()).isFalse();
        assertThat(detector.scan("Tit for tat.").flagged()).isFalse();
        assertThat(detector.scan("Moby-Dick; or, The Whale").flagged()).isFalse();
        assertThat(evidence("cum laude, then cum")).containsExactly("cum");
    }

    @Test
    void extraDenyTermsAreReportedWithTheirObfuscations() {
        ProfanityDetector custom = new ProfanityDetector(List.of("frak", "smeg head"), List.of());

        assertThat(evidence(custom, "oh frak")).containsExactly("frak");
        assertThat(evidence(custom, "oh fr@k")).containsExactly("frak (leetspeak)");
        assertThat(evidence(custom, "you smeg-head")).containsExactly("smeg head");
        assertThat(custom.deniedTermCount()).isEqualTo(detector.deniedTermCount() + 2);
    }

    @Test
    void allowWinsOverDenyForTheTermAndItsDisguises() {
        ProfanityDetector custom = new ProfanityDetector(List.of("frak"), List.of("frak", "ass"));

        assertThat(custom.scan("frak, fr@k, ass, a$$").flagged()).isFalse();
        assertThat(evidence(custom, "asshole")).containsExactly("asshole");
        assertThat(custom.deniedTermCount()).isEqualTo(detector.deniedTermCount() - 1);
    }

    @Test
    void allowedPhraseHidesTheDeniedWordInsideIt() {
        ProfanityDetector custom = new ProfanityDetector(List.of(), List.of("dick smith"));

        assertThat(custom.scan("I met Dick Smith and D1ck   Smith").flagged()).isFalse();
        assertThat(evidence(custom, "I met Dick Smithers")).containsExactly("dick");
        assertThat(evidence(custom, "what a dick")).containsExactly("dick");
    }

    @Test
    void unusableProgrammaticTermIsRejected() {
        assertThatThrownBy(() -> new ProfanityDetector(List.of(" - "), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to match");
    }

    @Test
    void listFilesExtendAndRestrictTheShippedList(@TempDir Path dir) throws IOException {
        Path deny = Files.writeString(dir.resolve("deny.txt"), "# house words\nfrak\n\n  gorram  \n");
        Path allow = Files.writeString(dir.resolve("allow.txt"), "# fine here\ncock\n");
        ProfanityDetector custom = ProfanityDetector.fromFiles(List.of(deny), List.of(allow));

        assertThat(evidence(custom, "frak the gorram cock")).containsExactly("frak", "gorram");
    }

    @Test
    void missingListFileIsBadInputNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> ProfanityDetector.fromFiles(List.of(missing), List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void nonUtf8ListFileIsBadInputNamingTheFile(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

        assertThatThrownBy(() -> ProfanityDetector.fromFiles(List.of(), List.of(latin1)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(latin1.toString())
                .hasMessageContaining("UTF-8");
    }

    @Test
    void listLineWithNothingToMatchIsBadInputNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "frak\n---\n");

        assertThatThrownBy(() -> ProfanityDetector.fromFiles(List.of(bad), List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(bad.toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void pastedProseInsteadOfAListIsBadInput(@TempDir Path dir) throws IOException {
        Path prose = Files.writeString(dir.resolve("prose.txt"), "x".repeat(TermListReader.MAX_TERM_LENGTH + 1));

        assertThatThrownBy(() -> ProfanityDetector.fromFiles(List.of(prose), List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void signalsStopAtTheCap() {
        Detection d = detector.scan("shit ".repeat(ProfanityDetector.MAX_SIGNALS * 3));

        assertThat(d.signals()).hasSize(ProfanityDetector.MAX_SIGNALS);
        assertThat(d.score()).isEqualTo(ProfanityDetector.MAX_SIGNALS);
    }

    @Test
    void tenMegabyteTextIsScannedWithoutError() {
        String chunk = "The analyst will assess the massive dataset, as sassy as that sounds. ";
        StringBuilder big = new StringBuilder(10_000_100);
        while (big.length() < 10_000_000) {
            big.append(chunk);
        }
        big.append("f u c k");

        Detection d = detector.scan(big.toString());

        assertThat(d.signals()).singleElement().satisfies(s -> {
            assertThat(s.offset()).isEqualTo(big.length() - 7);
            assertThat(s.evidence()).isEqualTo("fuck (spaced letters)");
        });
    }

    private List<String> evidence(String text) {
        return evidence(detector, text);
    }

    private static List<String> evidence(ProfanityDetector d, String text) {
        return d.scan(text).signals().stream().map(Signal::evidence).toList();
    }
}
