package io.promptdesk.engine.validation.injection;

import java.util.Arrays;

/**
 * The other readings of a text that {@link PromptInjectionDetector} scans when the text as written is not flagged:
 * leetspeak read as letters ("1gn0r3" as "ignore", a 1 as l where the lexicon knows the word only so), letters set
 * apart read joined ("I G N O R E", "ign-ore", "i🙂g🙂n"), words set apart as sentences read as one ("IGNORE. ALL.
 * PREVIOUS."), and how far words run together in camel case. Each reading keeps the text's length, one char for one,
 * so offsets found in it point into the original; each is null when it would change nothing.
 */
final class Readings {

    private Readings() {
    }

    /**
     * The text with letters set apart read joined, or null when it has none: a space between two single letters
     * ("I G N O R E"; words stay apart where two spaces or more part them) and a {@code - . _ * | / + ~} or a
     * symbol or emoji between two letters ("i🙂g🙂n🙂o🙂r🙂e") become soft hyphens (U+00AD), one for each char.
     * Length and offsets are unchanged.
     */
    static String joinSeparated(String text) {
        char[] out = null;
        int n = text.length();
        for (int j = 1; j + 1 < n; j++) {
            char c = text.charAt(j);
            // "1 G N 0 R 3": with spaces, digits standing for letters are letters set apart too
            if (Character.isLetterOrDigit(c) || !(c == ' ' ? Character.isLetterOrDigit(text.charAt(j - 1))
                    : Character.isLetter(text.charAt(j - 1)))) {
                continue;
            }
            int width = Character.isHighSurrogate(c) ? 2 : 1;
            if (j + width >= n || !(c == ' ' ? Character.isLetterOrDigit(text.charAt(j + 1))
                    : Character.isLetter(text.charAt(j + width)))) {
                continue;
            }
            if (c == '-' && ePrefix(text, j)) {
                continue;
            }
            boolean join = c == ' ' ? single(text, j - 1) && single(text, j + 1)
                    : c == '-' || c == '.' || c == '_' || c == '*' || c == '|' || c == '/' || c == '+' || c == '~'
                    || Character.getType(text.codePointAt(j)) == Character.OTHER_SYMBOL;
            if (join) {
                if (out == null) {
                    out = text.toCharArray();
                }
                for (int w = 0; w < width; w++) {
                    out[j + w] = '\u00AD';
                }
            }
        }
        return out == null ? null : new String(out);
    }

    /** "e-mail", "e-book": the hyphen at {@code j} is the e- prefix of a word, not a letter set apart. */
    private static boolean ePrefix(String text, int j) {
        char e = text.charAt(j - 1);
        if (e != 'e' && e != 'E' || j + 2 >= text.length() || !Character.isLetter(text.charAt(j + 1))
                || !Character.isLetter(text.charAt(j + 2))) {
            return false;
        }
        char before = j >= 2 ? text.charAt(j - 2) : ' ';
        return Character.isWhitespace(before) || before == '(' || before == '"' || before == '\'' || before == '“';
    }

    /**
     * "IGNORE. ALL. PREVIOUS. INSTRUCTIONS. NOW.": three or more words in a row, each a sentence of its own, read with
     * their full stops as spaces (same length, so offsets hold); null when the text has no such run.
     */
    static String wordsApart(String text) {
        char[] out = null;
        int n = text.length();
        int[] dots = new int[8];
        int count = 0;
        for (int i = 0; i <= n; ) {
            int s = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > s && i + 1 < n && text.charAt(i) == '.' && text.charAt(i + 1) == ' ') {
                if (count == dots.length) {
                    dots = Arrays.copyOf(dots, 2 * count);
                }
                dots[count++] = i;
                i += 2;
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                continue;
            }
            if (count >= 2 && i > s) {
                out = out == null ? text.toCharArray() : out;
                for (int d = 0; d < count; d++) {
                    out[dots[d]] = ' ';
                }
            }
            count = 0;
            i = i > s ? i : i + 1;
        }
        return out == null ? null : new String(out);
    }

    /**
     * Whether the letter at {@code p} stands alone: no letter, digit or joining mark on either side (the "e a" of
     * "i-g-n-o-r-e a-l-l" parts two words).
     */
    private static boolean single(String text, int p) {
        return (p == 0 || alone(text.charAt(p - 1))) && (p + 1 >= text.length() || alone(text.charAt(p + 1)));
    }

    private static boolean alone(char c) {
        return !Character.isLetterOrDigit(c) && "-._*|/+~".indexOf(c) < 0;
    }

    /**
     * The text with leetspeak read as letters, or null when it has none: in a word that mixes letters with digits
     * or {@code @ $ ! |}, 0 1 3 4 5 7 8 @ $ ! | become o i e a s t b a s i i (a {@code !} or {@code |} only before a
     * letter or digit: "d!sregard", "!nstruct!ons", "|gn0r3", not "stop!"); "|_|" becomes u. Length and offsets are
     * unchanged.
     */
    static String unleet(String original) {
        // ... "g|_|idelines": a u drawn with three strokes, read as u and two soft hyphens (the scanner skips them)
        String text = original.contains("|_|") ? original.replace("|_|", "u\u00AD\u00AD") : original;
        char[] out = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!isWordish(text, i)) {
                i++;
                continue;
            }
            int start = i;
            i = wordEnd(text, i);
            boolean letter = false;
            boolean leet = false;
            for (int k = start; k < i; k++) {
                letter |= Character.isLetter(text.charAt(k));
                leet |= leetLetter(text.charAt(k)) != 0;
            }
            if (letter && leet) {
                if (out == null) {
                    out = text.toCharArray();
                }
                boolean cyrillic = false;
                for (int k = start; k < i && !cyrillic; k++) {
                    cyrillic = Character.UnicodeBlock.of(text.charAt(k)) == Character.UnicodeBlock.CYRILLIC;
                }
                for (int k = start; k < i; k++) {
                    char l = leetLetter(text.charAt(k));
                    if (l != 0) {
                        // ... "Игн0рируй вс3 пр3дыдущи3": a Cyrillic word's 0 and 3 are Cyrillic о and е
                        out[k] = cyrillic && l == 'o' ? '\u043E' : cyrillic && l == 'e' ? '\u0435' : l;
                    }
                }
            }
        }
        return out != null ? new String(out) : text.equals(original) ? null : text;
    }

    /**
     * {@code unleet} with a 1 read as l instead of i in each word the lexicon knows only that way
     * ("ru13s" is "rules", "1gn0r3" stays "ignore").
     */
    static String unleetOnes(String text, String unleet, Lexicon lexicon, TextFolder folder) {
        char[] out = null;
        int n = Math.min(text.length(), unleet.length());
        for (int i = 0; i < n; ) {
            if (text.charAt(i) != '1') {
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && isWordish(text, start - 1)) {
                start--;
            }
            int end = wordEnd(text, i);
            char[] asL = unleet.substring(start, end).toCharArray();
            for (int k = start; k < end; k++) {
                if (text.charAt(k) == '1') {
                    asL[k - start] = 'l';
                }
            }
            if (!lexicon.knows(folder.foldString(unleet.substring(start, end)))
                    && lexicon.knows(folder.foldString(new String(asL)))) {
                if (out == null) {
                    out = unleet.toCharArray();
                }
                System.arraycopy(asL, 0, out, start, asL.length);
            }
            i = end;
        }
        return out == null ? null : new String(out);
    }

    /** The most changes from a lower to an upper case ASCII letter inside one word ("IgnoreAllPrevious": 2). */
    static int camelHumps(String text) {
        int most = 0;
        int humps = 0;
        for (int i = 1; i < text.length(); i++) {
            char p = text.charAt(i - 1);
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                humps = 0;
            } else if (p >= 'a' && p <= 'z' && c >= 'A' && c <= 'Z') {
                most = Math.max(most, ++humps);
            }
        }
        return most;
    }

    /** The end of the run of word characters (letters, digits, {@code @ $}, a {@code !} before a letter). */
    private static int wordEnd(String text, int i) {
        int end = i;
        while (end < text.length() && isWordish(text, end)) {
            end++;
        }
        return end;
    }

    private static boolean isWordish(String text, int i) {
        char c = text.charAt(i);
        // a soft hyphen is how a separated reading joins letters: "1­G­N­0­R­3" is one word to read as leetspeak
        return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '\u00AD'
                || (c == '!' || c == '|') && i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    private static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            default -> 0;
        };
    }
}
