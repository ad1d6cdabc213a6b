package io.promptdesk.engine.validation.profanity;

/** How the matcher treats each folded character: word characters, the mask, and leetspeak stand-ins. */
final class Symbols {

    /** A censoring star stands for one hidden letter ("f*ck"). */
    static final char MASK = '*';

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = true;
        }
    }

    private Symbols() {
    }

    /** Letters and digits: the characters a whole-word match may not have on either side. */
    static boolean isWord(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /**
     * Characters that form a token when letters are spaced out ("f u c k", "$ h i t"). Sentence punctuation
     * that doubles as leetspeak ('!', '|') is left out so "a s s!" still ends its run.
     */
    static boolean isTokenChar(char c) {
        return isWord(c) || c == MASK || c == '@' || c == '$';
    }

    /**
     * Characters of scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Bopomofo):
     * a term in these scripts may start and end anywhere, since there is no word boundary to wait for.
     */
    static boolean isUnspaced(char c) {
        return c >= '\u0E00' && ((c <= '\u0EFF') // Thai, Lao
                || (c >= '\u3040' && c <= '\u312F') // Hiragana, Katakana, Bopomofo
                || (c >= '\u31F0' && c <= '\u31FF') // Katakana phonetic extensions
                || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u4E00' && c <= '\u9FFF')
                || (c >= '\uF900' && c <= '\uFAFF') // CJK ideographs
                || (c >= '\uFF66' && c <= '\uFF9F')); // half-width katakana
    }

    /**
     * Hangul syllables: Korean puts spaces between words but glues particles and endings on, so a Korean term
     * must start a word but may be followed by more syllables.
     */
    static boolean isHangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }

    /**
     * Whether {@code b} continues the word {@code a} ends, i.e. there is no word boundary between them. A change
     * between a script written without spaces and any other script is a boundary ("我说fuck了"), and so is a
     * change between Hangul and another script.
     */
    static boolean joins(char a, char b) {
        if (!isWord(a) || !isWord(b)) {
            return false;
        }
        if (a < 128 && b < 128) {
            return true;
        }
        return !isUnspaced(a) && !isUnspaced(b) && isHangul(a) == isHangul(b);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The letters a leetspeak character may stand for, or {@code null}. Letters never have stand-ins. */
    static String leet(char c) {
        switch (c) {
            case '@':
            case '4':
                return "a";
            case '3':
            case '\u20AC': // euro sign
                return "e";
            case '1':
            case '!':
            case '|':
            case '\u00A1': // inverted exclamation mark
                return "il";
            case '0':
                return "o";
            case '5':
            case '$':
            case '\u00A7': // section sign
                return "s";
            case '7':
            case '+':
                return "t";
            case '8':
                return "b";
            case '9':
                return "g";
            case '\u00A2': // cent sign
                return "c";
            default:
                return null;
        }
    }
}
