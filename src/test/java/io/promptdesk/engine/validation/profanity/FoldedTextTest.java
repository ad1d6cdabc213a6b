package io.promptdesk.engine.validation.profanity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTest {

    @Test
    void plainAsciiIsLowerCasedInPlace() {
        FoldedText t = FoldedText.of("Hello, World!");

        assertThat(t.isPlain()).isTrue();
        assertThat(symbols(t)).isEqualTo("hello, world!");
        assertThat(t.startOf(7)).isEqualTo(7);
        assertThat(t.endOf(7)).isEqualTo(8);
    }

    @Test
    void foldingKeepsEachSymbolsOriginalOffset() {
        // full-width F, zero-width space (dropped), sharp s (two symbols), math bold f (two chars, one symbol)
        String text = "Ｆ\u200Bß\uD835\uDC1F!";

        FoldedText t = FoldedText.of(text);

        assertThat(symbols(t)).isEqualTo("fssf!");
        assertThat(t.startOf(0)).isEqualTo(0);
        assertThat(t.startOf(1)).isEqualTo(2);
        assertThat(t.startOf(2)).isEqualTo(2);
        assertThat(t.startOf(3)).isEqualTo(3);
        assertThat(t.endOf(3)).isEqualTo(5);
        assertThat(t.startOf(4)).isEqualTo(5);
    }

    @Test
    void lookAlikesFoldToTheLatinLetterTheyImitate() {
        assertThat(CharFolding.foldString("ΡΟRΝ рοrn ᴘᴏʀɴ Ｐｏｒｎ pörn")).isEqualTo("porn porn porn porn porn");
        assertThat(CharFolding.foldString("ﬁ æ œ")).isEqualTo("fi ae oe");
    }

    @Test
    void scriptsWithoutLatinLookAlikesStayWhole() {
        assertThat(CharFolding.foldString("你好 안녕 こんにちは")).isEqualTo("你好 안녕 こんにちは");
    }

    @Test
    void loneSurrogatesAndNulDoNotBreakFolding() {
        FoldedText t = FoldedText.of("a\uD800b\u0000c\uDC00");

        assertThat(symbols(t)).isEqualTo("a\uD800bc\uDC00");
        assertThat(t.endOf(4)).isEqualTo(6);
    }

    private static String symbols(FoldedText t) {
        return new String(t.symbols(), 0, t.length());
    }
}
