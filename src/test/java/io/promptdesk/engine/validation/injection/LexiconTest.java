package io.promptdesk.engine.validation.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word-class lexicon: stems, Thai sequences, verb-final words, and a clear error for a stem it cannot probe. */
class LexiconTest {

    private static final TextFolder FOLDER = TextFolder.shared();

    @Test
    void aOneCharacterStemIsRefusedNamingIt() {
        assertThatThrownBy(() -> new Lexicon(List.of("WHAT: 뭐*"), FOLDER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'뭐*'").hasMessageContaining("WHAT").hasMessageContaining("one character");
    }

    @Test
    void stemsExactWordsAndVerbFinalWordsAreFound() {
        Lexicon lexicon = new Lexicon(List.of("OVERRIDE: ignor* sayın", "VERB_FINAL: sayın"), FOLDER);
        assertThat(lexicon.knows("ignoriere")).isTrue();
        assertThat(lexicon.knows("sayın")).isTrue();
        assertThat(lexicon.knows("ign")).isFalse();
        char[] buf = "sayın".toCharArray();
        int[] hash = new int[buf.length];
        for (int i = 0, h = 0; i < buf.length; i++) {
            h = 31 * h + buf[i];
            hash[i] = h;
        }
        assertThat(lexicon.verbFinal(buf, buf.length, hash)).isTrue();
    }

    @Test
    void thaiIsMatchedAsWrittenWithEitherFormOfSaraAm() {
        Lexicon lexicon = new Lexicon(List.of("INSTR: คำสั่ง"), FOLDER);
        // SARA AM as one character, and as NIKHAHIT + SARA AA (what NFKC makes of it)
        assertThat(lexicon.cjkLength("ไม่สนใจคำสั่งนี้", 7)).isEqualTo(6);
        assertThat(lexicon.cjkLength("ไม่สนใจค\u0E4D\u0E32สั่งนี้", 7)).isEqualTo(7);
        assertThat(lexicon.cjkMask("คำสั่ง", 0)).isEqualTo(WordClass.INSTR.bit());
    }

    @Test
    void theShippedLexiconLoads() {
        Lexicon shipped = Lexicon.shipped(FOLDER);
        assertThat(shipped.knows("disregard")).isTrue();
        assertThat(shipped.knows("zapomnij")).isTrue();
    }
}
