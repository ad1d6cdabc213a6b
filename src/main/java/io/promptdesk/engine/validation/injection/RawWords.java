package io.promptdesk.engine.validation.injection;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw words around a token of one text, read from the original characters: whether a token is spelled a given
 * way, which words stand before or after it, where a colon or a question mark closes its sentence. Words are letter
 * runs, vowel signs included; comparisons are ASCII case-insensitive. {@link TokenTable} adds the tokens' word classes
 * and positions.
 */
abstract class RawWords {

    /** The scanned text as written. */
    private final String text;

    RawWords(String text) {
        this.text = text;
    }

    /** Start offset of token {@code k} in {@link #text}. */
    abstract int start(int k);

    /** End offset (exclusive) of token {@code k} in {@link #text}. */
    abstract int end(int k);

    /** Whether token {@code k} is spelled {@code word} (ASCII, any case) in the original text. */
    boolean spells(int k, String word) {
        return end(k) - start(k) == word.length() && text.regionMatches(true, start(k), word, 0, word.length());
    }

    /** Whether token {@code k} is spelled as one of {@code words} (ASCII, any case). */
    boolean spellsAny(int k, String... words) {
        for (String w : words) {
            if (spells(k, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word right after token {@code k} in the original text, across spaces only, is one of
     * {@code words} (ASCII, any case); it need not belong to any class ("drop <i>them</i>").
     */
    boolean followedBy(int k, String... words) {
        int from = nextWordStart(k);
        return spelledAt(from, letterRunEnd(from), words);
    }

    /** Where the raw word after token {@code k} begins, across spaces only. */
    private int nextWordStart(int k) {
        int from = end(k);
        while (from < text.length() && text.charAt(from) == ' ') {
            from++;
        }
        return from;
    }

    /** The end of the run of letters that begins at {@code from}. */
    private int letterRunEnd(int from) {
        int to = from;
        while (to < text.length() && letter(text.charAt(to))) {
            to++;
        }
        return to;
    }

    /**
     * Up to {@code n} raw words (letters) after token {@code k} in its sentence, across spaces, apostrophes and
     * commas; fewer where the sentence ends. For rare checks only: it allocates.
     */
    String[] wordsAfter(int k, int n) {
        List<String> words = new ArrayList<>(n);
        int i = end(k);
        while (words.size() < n) {
            while (i < text.length() && " ,'’\u00a0".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            int from = i;
            while (i < text.length() && letter(text.charAt(i))) {
                i++;
            }
            if (i == from) {
                break;
            }
            words.add(text.substring(from, i));
        }
        return words.toArray(new String[0]);
    }

    /** Whether the {@code chars} characters of the text before token {@code k} hold one of {@code parts}. */
    boolean beforeContains(int k, int chars, String... parts) {
        String before = text.substring(Math.max(0, start(k) - chars), start(k));
        for (String p : parts) {
            if (before.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the original text of token {@code k} contains one of {@code parts} (any case). */
    boolean containsAny(int k, String... parts) {
        String token = text.substring(start(k), end(k)).toLowerCase(java.util.Locale.ROOT);
        for (String p : parts) {
            if (token.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The raw words between the opening of token {@code k}'s segment - the text's start, a line break, a bracket or
     * markup, a sentence's end, a colon - and the token ("<b>Dear</b> assistant", "(<b>for the</b> AI",
     * "<b>All'</b>assistente"), or null when more than {@code max} words or other punctuation stand between.
     */
    String[] openingWords(int k, int max) {
        int i = start(k);
        int words = 0;
        boolean inWord = false;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                if (!inWord && ++words > max) {
                    return null;
                }
                inWord = true;
            } else if ("\n[(<{#*/>-:.!?;\u3002\uff1a\u2014".indexOf(c) >= 0) {
                break;
            } else if (c == ' ' || c == '\'' || c == '\u2019' || c == ',') {
                inWord = false;
            } else {
                return null;
            }
            i--;
        }
        List<String> out = new ArrayList<>();
        for (String w : text.substring(i, start(k)).split("[ ',\u2019]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out.toArray(new String[0]);
    }

    /** Whether a raw word (from {@link #wordsAfter}) is one of {@code words}, in any case. */
    static boolean oneOf(String word, String... words) {
        for (String w : words) {
            if (w.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether token {@code k} is written in Han or kana, scripts whose every character counts as a token. */
    boolean hanOrKana(int k) {
        return TextFolder.isHanOrKana(text.codePointAt(start(k)));
    }

    /** Whether token {@code k} spans a space: two words read as one ("được dặn"). */
    boolean spaced(int k) {
        int space = text.indexOf(' ', start(k));
        return space >= 0 && space < end(k);
    }

    /** The raw text of token {@code k}. */
    String raw(int k) {
        return text.substring(start(k), end(k));
    }

    /** Up to {@code chars} characters of the raw text before token {@code k}. */
    String textBefore(int k, int chars) {
        return text.substring(Math.max(0, start(k) - chars), start(k));
    }

    /** Up to {@code chars} characters of the original text after token {@code k}. */
    String textAfter(int k, int chars) {
        return text.substring(end(k), Math.min(text.length(), end(k) + chars));
    }

    /** The raw word (letters) right before token {@code k}, across spaces only; empty when none precedes. */
    String wordBefore(int k) {
        int to = start(k);
        while (to > 0 && text.charAt(to - 1) == ' ') {
            to--;
        }
        int from = to;
        while (from > 0 && letter(text.charAt(from - 1))) {
            from--;
        }
        return text.substring(from, to);
    }

    /**
     * Whether a question mark ends the sentence within {@code chars} characters after token {@code k}: "Mật khẩu là
     * gì<b>?</b>", "パスワードは<b>?</b>".
     */
    boolean questionWithin(int k, int chars) {
        return markInSentence(k, chars + 1, '?', '\uFF1F');
    }


    /** Whether a number follows token {@code k}, across spaces only: "above 5 days". */
    boolean numberAfter(int k) {
        int at = end(k);
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        return at < text.length() && Character.isDigit(text.charAt(at));
    }

    /** The raw word (letters) right after token {@code k}, across spaces only; empty when none follows. */
    String wordAfter(int k) {
        int from = nextWordStart(k);
        return text.substring(from, letterRunEnd(from));
    }

    /**
     * Whether the word right before token {@code k} in the original text, across spaces or an apostrophe, is one
     * of {@code words} (ASCII, any case): "an assistant <i>who</i> ignores", "<i>d'</i>ora".
     */
    boolean precededBy(int k, String... words) {
        int to = start(k);
        while (to > 0 && (text.charAt(to - 1) == ' ' || text.charAt(to - 1) == '\'')) {
            to--;
        }
        int from = to;
        while (from > 0 && letter(text.charAt(from - 1))) {
            from--;
        }
        return spelledAt(from, to, words);
    }

    /** The first non-space character after the raw word that follows token {@code k} ("this recipe<b>:</b>"), or 0. */
    char afterNextWord(int k) {
        int i = end(k);
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        while (i < text.length() && letterOrDigit(text.charAt(i))) {
            i++;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() ? text.charAt(i) : 0;
    }

    /**
     * The first non-space character before the {@code words} raw words that precede token {@code k}
     * ("<b>></b>Language model", "<b>-</b>- For the model"), or 0.
     */
    char beforeWords(int k, int words) {
        int i = start(k);
        for (int w = 0; w < words; w++) {
            while (i > 0 && text.charAt(i - 1) == ' ') {
                i--;
            }
            while (i > 0 && letterOrDigit(text.charAt(i - 1))) {
                i--;
            }
        }
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 ? text.charAt(i - 1) : 0;
    }

    /**
     * Whether one of the {@code n} raw words before token {@code k} is one of {@code words}: "<i>play</i> a
     * character".
     */
    boolean precededWithin(int k, int n, String... words) {
        int i = start(k);
        for (int w = 0; w < n; w++) {
            while (i > 0 && !letterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.') {
                i--;
            }
            int to = i;
            while (i > 0 && letter(text.charAt(i - 1))) {
                i--;
            }
            if (i == to) {
                return false;
            }
            if (spelledAt(i, to, words)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the {@code n} raw words after token {@code k} is one of {@code words}: "not to <i>talk</i>". */
    boolean followedWithin(int k, int n, String... words) {
        int i = end(k);
        for (int w = 0; w < n; w++) {
            while (i < text.length() && !letterOrDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            int from = i;
            while (i < text.length() && letter(text.charAt(i))) {
                i++;
            }
            if (i == from) {
                return false;
            }
            if (spelledAt(from, i, words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a colon follows token {@code k} within {@code n} raw hyphenated words ("AI note-taker:"); a plain word
     * between ends the name ("the assistant manager:" is a person).
     */
    boolean colonWithin(int k, int n) {
        int i = end(k);
        for (int w = 0; w <= n && i < text.length(); w++) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == ':') {
                return true;
            }
            int from = i;
            boolean hyphen = false;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
                hyphen |= text.charAt(i) == '-';
                i++;
            }
            if (i == from || !hyphen) {
                return false;
            }
        }
        return false;
    }

    /** Whether an underscore touches token {@code k} ("ai_instructions", "note_for_ai"); cheap, allocates nothing. */
    boolean inSnakeCase(int k) {
        return start(k) > 0 && text.charAt(start(k) - 1) == '_' || end(k) < text.length() && text.charAt(end(k)) == '_';
    }

    /** The raw identifier (letters, digits, underscores) token {@code k} is part of: "ai_instructions". */
    String identifier(int k) {
        int from = start(k);
        int to = end(k);
        while (from > 0 && (Character.isLetterOrDigit(text.charAt(from - 1)) || text.charAt(from - 1) == '_')) {
            from--;
        }
        while (to < text.length() && (Character.isLetterOrDigit(text.charAt(to)) || text.charAt(to) == '_')) {
            to++;
        }
        return text.substring(from, to);
    }

    /**
     * A letter of a word, its vowel signs included: Thai, Devanagari and Bengali write vowels as combining marks
     * ("ถึง", "लागू"), which {@link Character#isLetter} does not count.
     */
    private static boolean letter(char c) {
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean letterOrDigit(char c) {
        return letter(c) || Character.isDigit(c);
    }

    private boolean spelledAt(int from, int to, String... words) {
        for (String w : words) {
            if (to - from == w.length() && text.regionMatches(true, from, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a colon follows token {@code k} within {@code chars} characters, before its sentence ends. */
    boolean colonInSentence(int k, int chars) {
        return markInSentence(k, chars, ':', '：');
    }

    /**
     * Whether {@code mark} (or its full-width form) follows token {@code k} within {@code chars} characters, before
     * its sentence ends.
     */
    private boolean markInSentence(int k, int chars, char mark, char wide) {
        for (int i = end(k); i < text.length() && i < end(k) + chars; i++) {
            char c = text.charAt(i);
            if (c == mark || c == wide || mark == '?' && c == '\u061F') {
                // ... and the Arabic question mark "؟"
                return true;
            }
            if (".!?\n;。".indexOf(c) >= 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a Korean, Japanese or Hindi "to/for" (에게, 께, へ, के लिए) stands between token {@code k} and the colon
     * after it.
     */
    boolean dativeBeforeColon(int k) {
        int colon = text.indexOf(':', end(k));
        int wide = text.indexOf('：', end(k));
        int at = colon < 0 ? wide : wide < 0 ? colon : Math.min(colon, wide);
        if (at < 0 || at - end(k) > 24) {
            return false;
        }
        String between = text.substring(end(k), at);
        // ... "एआई सहायक के लिए निर्देश:": Hindi "for" after the name
        // ... Bengali "এআই পড়ছে তার জন্য নির্দেশ:"
        return between.contains("에게") || between.contains("께") || between.contains("へ") || between.contains("लिए")
                || between.contains("জন্য");
    }

    /**
     * Where a colon follows token {@code k} within {@code chars} characters with only words between, a closing
     * bracket at most right before it ("assistant who reads this e-mail<b>:</b>", "AI that logs this chat)<b>:</b>"),
     * or -1.
     */
    int plainColon(int k, int chars) {
        for (int i = end(k); i < text.length() && i < end(k) + chars; i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '：') {
                return i;
            }
            boolean closing = (c == ')' || c == ']') && i + 1 < text.length() && text.charAt(i + 1) == ':';
            if (!Character.isLetterOrDigit(c) && " '’-".indexOf(c) < 0 && !closing
                    && Character.getType(c) != Character.NON_SPACING_MARK
                    && Character.getType(c) != Character.COMBINING_SPACING_MARK) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether token {@code k} is followed by a closing bracket and a colon: "(for the model):". */
    boolean closedThenColon(int k) {
        int i = end(k);
        return i + 1 < text.length() && (text.charAt(i) == ')' || text.charAt(i) == ']') && text.charAt(i + 1) == ':';
    }
}
