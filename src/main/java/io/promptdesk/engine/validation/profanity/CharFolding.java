package io.promptdesk.engine.validation.profanity;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds one character to the lower-case Latin form a reader would see: compatibility decomposition (NFKD, so
 * full-width and styled letters become ASCII), diacritics and invisible format characters removed, Cyrillic and
 * Greek look-alikes and small capitals mapped to the Latin letter they imitate.
 *
 * <p>Each character of the Basic Multilingual Plane is folded the first time it is seen and kept in a table, so
 * scanning costs one array read per character once warm; only supplementary code points (mathematical letters,
 * emoji) take the slow path every time. The table fills on demand: folding all 65,536 characters up front (a
 * Unicode normalisation each) took about half a second of the console's start.
 */
final class CharFolding {

    /** Table value for a character that disappears (zero-width, combining mark, soft hyphen). */
    static final char DROP = '\u0000';
    /** Table value for a character that folds to several characters, see {@link #expansion(char)}. */
    static final char EXPAND = '\uFFFF';

    /**
     * Table value of a character not folded yet (a noncharacter; U+FFFE itself folds to itself and is simply
     * folded again each time).
     */
    private static final char UNSEEN = '\uFFFE';
    private static final Map<Character, String> HOMOGLYPHS = homoglyphs();
    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];
    private static final Map<Character, String> EXPANSIONS = new ConcurrentHashMap<>();

    static {
        java.util.Arrays.fill(TABLE, 0x80, TABLE.length, UNSEEN);
        for (char c = 0; c < 0x80; c++) {
            TABLE[c] = foldForTable(c, EXPANSIONS);
        }
    }

    private CharFolding() {
    }

    /** The folded form of {@code c}: a character, {@link #DROP} or {@link #EXPAND}. */
    static char fold(char c) {
        char f = TABLE[c];
        if (f != UNSEEN) {
            return f;
        }
        // Threads may fold the same character at once: they compute the same value, and a char write is atomic.
        f = foldForTable(c, EXPANSIONS);
        TABLE[c] = f;
        return f;
    }

    /** The several characters an {@link #EXPAND} character folds to, e.g. "ss" for sharp s. */
    static String expansion(char c) {
        String e = EXPANSIONS.get(c);
        // Another thread's table entry may be seen before its expansion: fold again rather than wait.
        return e != null ? e : foldSlow(String.valueOf(c));
    }

    /** Folds any code point; used for supplementary code points, which the table does not cover. */
    static String foldCodePoint(int codePoint) {
        return foldSlow(new String(Character.toChars(codePoint)));
    }

    /** Folds a whole string, e.g. a list term, with the same rules as the scanner. */
    static String foldString(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.isBmpCodePoint(cp)) {
                char f = fold((char) cp);
                if (f == EXPAND) {
                    out.append(expansion((char) cp));
                } else if (f != DROP) {
                    out.append(f);
                }
            } else {
                out.append(foldCodePoint(cp));
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static char foldForTable(char c, Map<Character, String> expansions) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        if (Character.isSurrogate(c) || isPlainIdeographOrSyllable(c)) {
            return c;
        }
        String folded = foldSlow(String.valueOf(c));
        if (folded.isEmpty()) {
            return DROP;
        }
        if (folded.length() == 1 && folded.charAt(0) != EXPAND && folded.charAt(0) != DROP) {
            return folded.charAt(0);
        }
        expansions.put(c, folded);
        return EXPAND;
    }

    /**
     * CJK ideographs, kana, Thai, Hangul syllables and private-use characters imitate no Latin letter; keeping
     * them whole (NFKD would split Hangul into jamo and kana into base and voicing mark, and Thai vowel and tone
     * marks would be dropped as combining marks, merging different words) also keeps the table build short.
     */
    private static boolean isPlainIdeographOrSyllable(char c) {
        return (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u4E00' && c <= '\u9FFF')
                || (c >= '\u0E00' && c <= '\u0E7F') || (c >= '\u3040' && c <= '\u30FF')
                || (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\uE000' && c <= '\uF8FF');
    }

    private static String foldSlow(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char ch = decomposed.charAt(i);
            if (isInvisible(ch)) {
                continue;
            }
            String mapped = HOMOGLYPHS.get(ch);
            if (mapped == null) {
                char lower = Character.isSurrogate(ch) ? ch : Character.toLowerCase(ch);
                mapped = HOMOGLYPHS.get(lower);
                if (mapped == null) {
                    out.append(lower);
                    continue;
                }
            }
            out.append(mapped);
        }
        return out.toString();
    }

    /** Characters that render as nothing (or only modify a neighbour) and so can hide inside a word. */
    static boolean isInvisible(char ch) {
        int type = Character.getType(ch);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.FORMAT
                || ch == '\u115F' || ch == '\u1160' || ch == '\u3164' || ch == '\uFFA0';
    }

    private static Map<Character, String> homoglyphs() {
        Map<Character, String> m = new HashMap<>();
        // Cyrillic, lower case (capitals reach these through toLowerCase)
        put(m, "авекмнорстухіјѕһԁԛԝѵүӏ", "abekmhopctyxijshdqwvyl");
        m.put('\u04C0', "l"); // palochka, a capital I look-alike
        // Greek: capitals first, because some lower-case forms look like a different Latin letter (H vs n)
        put(m, "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx");
        put(m, "αβεικνορτυχϲω", "abeikvoptuxcw");
        // Latin letters without a decomposition, small capitals and IPA look-alikes
        put(m, "ıłøđħŧðɑɡ", "ilodhtdag");
        put(m, "ᴀʙᴄᴅᴇꜰɢʜɪᴊᴋʟᴍɴᴏᴘʀꜱᴛᴜᴠᴡʏᴢ", "abcdefghijklmnoprstuvwyz");
        m.put('ß', "ss");
        m.put('æ', "ae");
        m.put('œ', "oe");
        return Map.copyOf(m);
    }

    private static void put(Map<Character, String> m, String from, String to) {
        if (from.length() != to.length()) {
            throw new IllegalStateException("homoglyph table rows differ in length: " + from);
        }
        for (int i = 0; i < from.length(); i++) {
            m.put(from.charAt(i), String.valueOf(to.charAt(i)).toLowerCase(Locale.ROOT));
        }
    }
}
