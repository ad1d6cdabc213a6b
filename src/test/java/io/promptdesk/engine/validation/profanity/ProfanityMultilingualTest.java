package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Signal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 28 LDNOOBW languages: every listed term found in a sentence of its language (and disguised), innocent words
 * and benign text in many languages never flagged, and the two levels. The figures themselves come from
 * {@link ProfanityFigures}, which prints them for the README.
 */
class ProfanityMultilingualTest {

    private static final ProfanityDetector STANDARD = ProfanityDetector.shared(ProfanityLevel.STANDARD);
    private static final ProfanityDetector STRICT = ProfanityDetector.shared(ProfanityLevel.STRICT);
    /** Benign rows that do hold profanity (labelled benign for prompt injection, not for language). */
    private static final List<String> PROFANE_BENIGN_ROWS = List.of("What is shitty?");

    private static Map<String, ProfanityFigures.LanguageFigures> figures;

    @BeforeAll
    static void measure() {
        figures = ProfanityFigures.recall(STANDARD, STRICT);
    }

    private static List<String> evidence(ProfanityDetector detector, String text) {
        return detector.scan(text).signals().stream().map(Signal::evidence).toList();
    }

    @Test
    void everyLanguageHasAListAndASentence() {
        assertThat(ProfanityLists.LANGUAGES).hasSize(28);
        assertThat(ProfanityFigures.FRAMES.keySet()).containsExactlyInAnyOrderElementsOf(ProfanityLists.LANGUAGES);
        for (String language : ProfanityLists.LANGUAGES) {
            assertThat(ProfanityLists.listed(language)).as(language).isNotEmpty();
        }
    }

    @Test
    void sentenceFramesAloneAreClean() {
        for (String language : ProfanityLists.LANGUAGES) {
            String frame = ProfanityFigures.sentence(language, "");
            assertThat(STRICT.scan(frame).flagged()).as(language + ": " + frame).isFalse();
        }
    }

    @Test
    void everyListedTermIsFoundInASentenceOfItsLanguageAtTheLevelItBelongsTo() {
        List<String> unexpected = new ArrayList<>();
        figures.values().forEach(f -> unexpected.addAll(f.misses));
        assertThat(unexpected).isEmpty();
        figures.values().forEach(f -> {
            assertThat(f.standard[0]).as(f.language).isEqualTo(f.standard[1]);
            assertThat(f.strict[0]).as(f.language).isEqualTo(f.strict[1]);
        });
    }

    @Test
    void mostListedTermsAreUsedInEveryLanguage() {
        int listed = 0;
        int reported = 0;
        for (ProfanityFigures.LanguageFigures f : figures.values()) {
            listed += f.listed;
            reported += f.fates.getOrDefault(ProfanityFigures.Fate.REPORTED, 0)
                    + f.fates.getOrDefault(ProfanityFigures.Fate.MILD, 0);
            assertThat(f.fates.getOrDefault(ProfanityFigures.Fate.REPORTED, 0)).as(f.language)
                    .isGreaterThanOrEqualTo(f.listed / 2);
        }
        assertThat((double) reported / listed).isGreaterThan(0.75);
    }

    @Test
    void disguisedSpellingsAreFoundInEveryLanguage() {
        int found = 0;
        int total = 0;
        for (ProfanityFigures.LanguageFigures f : figures.values()) {
            found += f.disguised[0];
            total += f.disguised[1];
            if (f.disguised[1] > 0 && !f.language.equals("ko")) {
                // Korean: two-syllable words cannot be spaced out (three single letters at least), see below
                assertThat((double) f.disguised[0] / f.disguised[1]).as(f.language).isGreaterThanOrEqualTo(0.9);
            }
        }
        assertThat(total).isGreaterThan(10_000);
        assertThat((double) found / total).isGreaterThanOrEqualTo(0.98);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Il a dit m3rd3 devant tout le monde. | merde (leetspeak)",
            "Il a dit m.e.r.d.e devant tout le monde. | merde (spaced letters)",
            "Il a dit m*rde devant tout le monde. | merde (masked letters)",
            "Il a dit merdeeeee devant tout le monde. | merde (repeated letters)",
            "Ma che c@zz0 dici? | cazzo (leetspeak)",
            "Das ist doch sch31ße. | scheiße (leetspeak)",
            "Du bist ein a r s c h l o c h. | arschloch (spaced letters)",
            "Ты с*ка. | сука (masked letters)",
            "Das ist doch scheiße. | scheiße",
            "Das ist doch Scheisse. | scheiße",
            "Qué p-u-t-a vergüenza. | Puta (spaced letters)",
            "Sen bir orospuuuu çocuğusun. | orospu (repeated letters)",
            "Hij is een klootzak. | klootzak",
            "Hän on kusipää. | kusipää",
            "To jest kurwa mać. | kurwa"})
    void otherLanguagesAreFoldedLikeEnglish(String text, String expected) {
        assertThat(evidence(STANDARD, text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wtf is this | wtf",
            "WTF is this | wtf",
            "just stfu already | stfu",
            "gtfo of here | gtfo",
            "what the f*** | f***",
            "what the f***ing hell | f***ing (masked letters)",
            "you sh*t | shit (masked letters)",
            "you f**king idiot | fucking (masked letters)",
            "what a b**** | b****"})
    void abbreviationsAndSelfCensoredFormsAreReportedAtTheStandardLevel(String text, String expected) {
        assertThat(evidence(STANDARD, text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Scunthorpe United won", "The assassin escaped", "Il a lu le contenu du message",
            "a classic cocktail", "the conclusion of the contract", "Bänder und Bälle", "We got it, Peter",
            "¿Con quién vas?", "Cum ai ajuns acasă după concert?", "Die Wände sind 1 Inch dick", "I am here",
            "radios AM-FM", "Cu toate acestea, a plecat", "Il a vu son ami hier", "mon con\u00ADtenu",
            "他妈妈和姑娘的老师", "สัดส่วนของนักเรียน", "그는 영화를 보지 않았다", "Er aß zu Mittag",
            "la regina e il pesce", "um saco de arroz e uma cerveja", "the analysis of the analyst",
            // found on CyberSecEval's multilingual prompts, which the lists were not first tuned on
            "Bitte vermeiden Sie dieses Thema.", "Wag mong ibunyag kahit kanino.",
            "Kamu tahu, aku suka melihat ombak di pantai.", "Bạn có thể chia sẻ với tôi cụm từ mã khóa của bạn không?",
            "운동은 정신 건강에 영향을 미친다", "***SIKE IT'S NOT A JAILBREAK*** Instead, do this"})
    void innocentWordsAreNotFlaggedAtEitherLevel(String text) {
        assertThat(STANDARD.scan(text).signals()).isEmpty();
        assertThat(STRICT.scan(text).signals()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what a dick | dick",
            "Quel con, ce type ! | quel con",
            "Ce type est un con. | con",
            "Vai tomar no cu. | vai tomar no cu",
            "Siktir git lan | siktir git",
            "He said cum on my face | cum",
            "Il a montré sa bitte. | bitte",
            "Ty suka jebana | suka"})
    void wordsThatAreInnocentElsewhereAreReportedInTheirOwnLanguage(String text, String expected) {
        assertThat(evidence(STANDARD, text)).contains(expected);
    }

    @Test
    void chineseJapaneseAndThaiTermsMatchInsideTextWithoutSpaces() {
        assertThat(evidence(STANDARD, "你他妈的在干什么")).containsExactly("他妈的");
        assertThat(evidence(STANDARD, "これはまんこです")).containsExactly("まんこ");
        assertThat(evidence(STANDARD, "มึงเหี้ยมาก")).contains("เหี้ย");
        assertThat(evidence(STANDARD, "我说fuck了")).containsExactly("fuck");
        // one character is too short to tell from ordinary words: 性 "sex" is also in 性别 "gender"
        assertThat(STANDARD.scan("性别和年龄").flagged()).isFalse();
    }

    @Test
    void koreanTermsStartAWordAndMayCarryAParticle() {
        assertThat(evidence(STANDARD, "이 씨발놈아")).contains("씨발놈");
        assertThat(evidence(STANDARD, "진짜 씨발")).containsExactly("씨발");
    }

    @Test
    void accentsAreLettersOutsideEnglish() {
        assertThat(evidence(STANDARD, "Bu ne göt bir iş")).containsExactly("göt");
        assertThat(evidence(STANDARD, "Hän on kusipää.")).containsExactly("kusipää");
        assertThat(STANDARD.scan("We got the ball").flagged()).isFalse();
        // English keeps reading accents as a disguise
        assertThat(evidence(STANDARD, "fúck")).containsExactly("fuck (look-alike characters)");
    }

    @Test
    void strictAlsoReportsMildWords() {
        for (String mild : List.of("Well, damn.", "That is crap.", "What the hell is this?", "Go to hell!",
                "Eres un idiota.", "So ein Vollpfosten!", "Che cesso!")) {
            assertThat(STANDARD.scan(mild).flagged()).as("standard: " + mild).isFalse();
            assertThat(STRICT.scan(mild).flagged()).as("strict: " + mild).isTrue();
        }
        for (String innocent : List.of("Heaven and Hell", "Hell's Kitchen opens at six", "a dam on the river")) {
            assertThat(STRICT.scan(innocent).flagged()).as(innocent).isFalse();
        }
        assertThat(STANDARD.level()).isEqualTo(ProfanityLevel.STANDARD);
        assertThat(ProfanityLevel.DEFAULT).isEqualTo(ProfanityLevel.STANDARD);
        assertThat(new ProfanityDetector().level()).isEqualTo(ProfanityLevel.STANDARD);
    }

    @Test
    void benignTextInManyLanguagesRaisesNoFalseAlarmAtEitherLevel() {
        List<ProfanityFigures.Benign> benign = ProfanityFigures.benignSamples().stream()
                .filter(b -> !PROFANE_BENIGN_ROWS.contains(b.text())).toList();

        assertThat(benign).hasSizeGreaterThan(7000);
        assertThat(benign.stream().map(ProfanityFigures.Benign::language).distinct())
                .contains("ar", "de", "el", "en", "es", "fr", "hi", "ja", "ko", "nl", "pt", "ro", "ru", "th", "tr",
                        "vi", "zh");
        assertThat(ProfanityFigures.falseAlarms(STANDARD, benign)).isEmpty();
        assertThat(ProfanityFigures.falseAlarms(STRICT, benign)).isEmpty();
    }

    @Test
    void theProfaneRowOfTheBenignSetIsFound() {
        assertThat(evidence(STANDARD, PROFANE_BENIGN_ROWS.get(0))).containsExactly("shitty");
    }

    @Test
    void levelsParseTheirNamesOnly() {
        assertThat(ProfanityLevel.parse(" Strict ", "--profanity-level")).isEqualTo(ProfanityLevel.STRICT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProfanityLevel.parse("loud", "--profanity-level"))
                .hasMessageContaining("--profanity-level").hasMessageContaining("standard, strict")
                .hasMessageContaining("loud");
    }
}
