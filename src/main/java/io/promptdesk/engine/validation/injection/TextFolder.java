package io.promptdesk.engine.validation.injection;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds code points for matching: NFKC, lower case, accents removed from Latin, Greek and Cyrillic letters
 * (so "précédentes" meets the lexicon's "precedentes"), and gives the Latin look-alike of Cyrillic and Greek
 * homoglyphs. Tables cover the scripts of most text so the scanner's per-character cost is a table read;
 * everything else goes through {@link Normalizer}. Immutable.
 */
final class TextFolder {

    /** Fold result: the code point disappears (combining accent). */
    static final char NONE = '\uFFFF';
    /** Fold result: more than one char, ask {@link #foldSlow(int)}. */
    static final char MULTI = '\uFFFE';

    private static final int TABLE_LIMIT = 0x2500;

    private final char[] single = new char[TABLE_LIMIT];
    private final char[] homoglyph = new char[0x0530];

    private static final class Shared {
        static final TextFolder INSTANCE = new TextFolder();
    }

    /** One folder for the whole process: its tables cost some milliseconds to build and never change. */
    static TextFolder shared() {
        return Shared.INSTANCE;
    }

    TextFolder() {
        for (int c = 0; c < TABLE_LIMIT; c++) {
            String f = foldSlow(c);
            single[c] = f.isEmpty() ? NONE : f.length() == 1 ? f.charAt(0) : MULTI;
        }
        // Cyrillic and Greek letters that render like Latin ones, both cases (the Latin reading of an
        // upper-case Greek eta is h, of its lower case n).
        map("а", 'a', "е", 'e', "о", 'o', "р", 'p', "с", 'c', "у", 'y', "х", 'x', "і", 'i', "ј", 'j', "ѕ", 's',
                "һ", 'h', "ԁ", 'd', "ԛ", 'q', "ԝ", 'w', "к", 'k', "м", 'm', "т", 't', "в", 'b', "н", 'h', "ӏ", 'l',
                "ɡ", 'g');
        // Turkish and Azerbaijani dotless i is a letter of those languages, not a look-alike: it reads as i
        single['ı'] = 'i';
        map("А", 'a', "В", 'b', "Е", 'e', "К", 'k', "М", 'm', "Н", 'h', "О", 'o', "Р", 'p', "С", 'c', "Т", 't',
                "У", 'y', "Х", 'x', "І", 'i', "Ј", 'j', "Ѕ", 's', "Һ", 'h', "Ԁ", 'd', "Ԛ", 'q', "Ԝ", 'w');
        map("α", 'a', "ο", 'o', "ρ", 'p', "ν", 'v', "ι", 'i', "κ", 'k', "τ", 't', "υ", 'u', "χ", 'x', "ε", 'e',
                "η", 'n', "ϲ", 'c', "ϳ", 'j');
        map("Α", 'a', "Β", 'b', "Ε", 'e', "Ζ", 'z', "Η", 'h', "Ι", 'i', "Κ", 'k', "Μ", 'm', "Ν", 'n', "Ο", 'o',
                "Ρ", 'p', "Τ", 't', "Υ", 'y', "Χ", 'x');
    }

    private void map(Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            homoglyph[((String) pairs[i]).charAt(0)] = (Character) pairs[i + 1];
        }
    }

    /**
     * The fold of {@code cp} as one char, or {@link #NONE} or {@link #MULTI}. Past the table, only compatibility
     * blocks (fullwidth forms, styled mathematical letters, ligatures ...) change under NFKC; the rest of the BMP
     * (Hangul, CJK, ...) folds to itself.
     */
    char fold(int cp) {
        if (cp < TABLE_LIMIT) {
            return single[cp];
        }
        boolean compatibility = cp > 0xFFFF || (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0x3200 && cp <= 0x33FF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFB00 && cp <= 0xFB4F) || (cp >= 0xFE10 && cp <= 0xFE6F)
                || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x2C00 && cp <= 0x2DFF) || (cp >= 0xA640 && cp <= 0xA7FF)
                || (cp >= 0x2E80 && cp <= 0x2FDF);
        return compatibility ? MULTI : (char) cp;
    }

    /** The Latin letter {@code cp} imitates, or 0. */
    char homoglyph(int cp) {
        return cp < homoglyph.length ? homoglyph[cp] : 0;
    }

    /** Small capital letters (IPA, phonetic extensions, Latin Extended-D) and the letters they are written for. */
    private static final String SMALL_CAPS = "ᴀaʙbᴄcᴅdᴇeꜰfɢgʜhɪiᴊjᴋkʟlᴍmɴnᴏoᴘpʀrꜱsᴛtᴜuᴠvᴡwʏyᴢz";

    /** The full fold of one code point (possibly empty or several chars). */
    String foldSlow(int cp) {
        int small = SMALL_CAPS.indexOf(cp);
        if (small >= 0 && small % 2 == 0) {
            // "ɪɢɴᴏʀᴇ ᴘʀᴇᴠɪᴏᴜꜱ" is "ignore previous"; NFKC leaves small capitals alone
            return String.valueOf(SMALL_CAPS.charAt(small + 1));
        }
        if (cp >= 0x1F150 && cp <= 0x1F169 || cp >= 0x1F170 && cp <= 0x1F189) {
            // negative circled and negative squared letters ("🅸🅶🅽🅾🆁🅴"), which NFKC leaves alone (not the regional
            // indicators of flags: "🇮🇹" is a flag, not "it")
            int base = cp >= 0x1F170 ? 0x1F170 : 0x1F150;
            return String.valueOf((char) ('a' + cp - base));
        }
        String s = new String(Character.toChars(cp));
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x064B && c <= 0x065F) || c == 0x0670) {
                // Latin combining accents and Arabic vowel marks: spelling varies with and without them
                continue;
            }
            if (c == 'ς') {
                c = 'σ';
            }
            if (accentedScript(c)) {
                String d = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD);
                for (int j = 0; j < d.length(); j++) {
                    char dc = d.charAt(j);
                    if (dc < 0x0300 || dc > 0x036F) {
                        out.append(dc);
                    }
                }
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** Folds a whole string the way the scanner folds text (used for lexicon entries). */
    String foldString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        // ... through the table where it has one char, as the scanner does: the Turkish dotless i reads as i in
        // entries too ("yaşıyor" matches the text's "yasiyor")
        s.codePoints().forEach(cp -> {
            char c = cp < TABLE_LIMIT ? single[cp] : MULTI;
            if (c != NONE && c != MULTI) {
                out.append(c);
            } else {
                out.append(foldSlow(cp));
            }
        });
        return out.toString();
    }

    private static boolean accentedScript(int c) {
        return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x0370 && c <= 0x04FF) || (c >= 0x1E00 && c <= 0x1FFF);
    }

    /** Whether {@code cp} is Han or kana, scripts whose every character counts as a token. */
    static boolean isHanOrKana(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }

    /** Whether {@code cp} is a letter of a script written without spaces: Han, kana, Thai, Lao, Khmer, Myanmar. */
    static boolean isUnspaced(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }

    /** Zero-width and other invisible format characters that are stripped without breaking a word. */
    static boolean isInvisible(int cp) {
        return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x180E
                || cp == 0x00AD || (cp >= 0x2061 && cp <= 0x2064);
    }

    /** Bidirectional controls, the "Trojan source" trick: stripped and reported. */
    static boolean isBidiControl(int cp) {
        return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static boolean isTag(int cp) {
        return cp >= 0xE0000 && cp <= 0xE007F;
    }

    static boolean isVariationSelector(int cp) {
        return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Han ideographs and kana: no spaces between words, matched as character sequences. */
    static boolean isCjk(int cp) {
        return isThai(cp) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF);
    }

    /** Thai and Lao: written without spaces between words, so matched as character sequences like Han. */
    static boolean isThai(int cp) {
        return cp >= 0x0E01 && cp <= 0x0EFF;
    }
}
