package io.promptdesk.engine.validation.injection;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * One linear pass over a text: folds each code point, strips invisible characters (reporting those inside
 * words), splits words, looks each up in the lexicon (with homoglyphs mapped to Latin when a word mixes
 * scripts), and records the tagged tokens with their original offsets in a {@link TokenTable}. Along the way
 * it notes fences, long repeats and whether encoded blobs may be present. Not thread-safe: one per scan.
 */
final class TokenScanner {

    private static final int MAX_FENCES = 64;

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private final String text;
    private final TextFolder folder;
    private final Lexicon lexicon;
    private final Evidence evidence;
    private final HiddenText hidden;
    private final MarkupScanner markup;
    private final TokenTable table;

    private final char[] buf = new char[Lexicon.MAX_WORD];
    private final char[] alt = new char[Lexicon.MAX_WORD];
    private final int[] hash = new int[Lexicon.MAX_WORD];
    private final int[] altHash = new int[Lexicon.MAX_WORD];
    private int len;
    private int fullHash;
    private int tokStart = -1;
    private int tokEnd;
    private int invisibleInside;
    private int pendingInvisible;
    private boolean latin;
    /** A homoglyph was seen: {@link #alt} holds the Latin reading from here on. */
    private boolean confusable;
    private boolean allConfusable;
    private boolean styled;
    private boolean farScript;

    private int tokenCount;
    private int sentence;
    private int lineTokens;
    private boolean lineMarkup;
    private char prevPunct;
    /** The folded previous word, when only spaces part it from the current one (two-word lexicon entries). */
    private final char[] prevWord = new char[Lexicon.MAX_WORD];
    private int prevWordLen;
    private int prevWordStart;
    private char prevWordBefore;
    private int pendingAfter = -1;

    private final RepeatTracker repeats = new RepeatTracker();

    private final int[] fences = new int[MAX_FENCES];
    private int fenceCount;
    private char fenceChar;
    private int fenceLen;

    private final EncodingHints encodings = new EncodingHints();
    private final boolean splitCamel;

    TokenScanner(String text, TextFolder folder, Lexicon lexicon, Evidence evidence) {
        this(text, folder, lexicon, evidence, false);
    }

    /**
     * @param splitCamel read words run together in camel case ("IgnoreAllPreviousInstructions") as words: a lower
     *                   case letter followed by an upper case one ends a token
     */
    TokenScanner(String text, TextFolder folder, Lexicon lexicon, Evidence evidence, boolean splitCamel) {
        this.splitCamel = splitCamel;
        this.text = text;
        this.table = new TokenTable(text);
        this.folder = folder;
        this.lexicon = lexicon;
        this.evidence = evidence;
        this.hidden = new HiddenText(text, evidence);
        this.markup = new MarkupScanner(text, evidence);
    }

    /** Scans the whole text and returns the tagged tokens. */
    TokenTable scan() {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                if (hidden.pending()) {
                    hidden.flush();
                }
                encodings.ascii(ch);
                if (ASCII_WORD[ch]) {
                    if (splitCamel && ch >= 'A' && ch <= 'Z' && i > 0 && text.charAt(i - 1) >= 'a'
                            && text.charAt(i - 1) <= 'z') {
                        endToken();
                    }
                    wordChar(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch, i, i + 1);
                    latin |= ch >= 'A';
                } else {
                    punct(ch, i);
                }
                i++;
            } else {
                i = nonAscii(i);
            }
        }
        endToken();
        closeFence(n);
        hidden.flush();
        encodings.other();
        repeats.report(evidence);
        return table;
    }

    private int nonAscii(int i) {
        int cp = text.codePointAt(i);
        int next = i + Character.charCount(cp);
        encodings.other();
        if (TextFolder.isTag(cp)) {
            hidden.tag(cp, i, next);
            return next;
        }
        if (TextFolder.isVariationSelector(cp)) {
            hidden.selector(cp, i, next);
            return next;
        }
        if (hidden.pending()) {
            hidden.flush();
        }
        if (TextFolder.isInvisible(cp)) {
            // soft hyphens are ordinary in hyphenated web text: stripped, not reported
            pendingInvisible += tokStart >= 0 && cp != 0x00AD ? 1 : 0;
            return next;
        }
        if (TextFolder.isBidiControl(cp)) {
            if (evidence.wantsDetail()) {
                evidence.add(InjectionSignal.INVISIBLE_CHARACTERS, i, next, 0.3,
                        "bidi control U+" + Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT));
            }
            return next;
        }
        if (TextFolder.isCjk(cp)) {
            return cjk(i, cp, next);
        }
        int type = Character.getType(cp);
        boolean word = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
        char f = folder.fold(cp);
        String slow = !word && f == TextFolder.MULTI ? folder.foldSlow(cp) : null;
        if (!word && type == Character.OTHER_SYMBOL) {
            // circled and squared letters ("ⓡⓔⓥⓔⓐⓛ", "🅸🅶🅽🅾🆁🅴") are symbols that fold to letters: read as letters
            char g = slow == null ? f : slow.length() == 1 ? slow.charAt(0) : 0;
            word = g != TextFolder.NONE && g < 0x80 && Character.isLetterOrDigit(g);
        }
        if (!word) {
            String s = slow != null ? slow : f == TextFolder.NONE ? "" : String.valueOf(f);
            punct(s.length() == 1 && s.charAt(0) < 0x80 ? s.charAt(0) : Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp) ? ' ' : fullStop(cp) ? ';' : apostrophe(cp) ? '\'' : '\u00B7', i);
            return next;
        }
        if (f == TextFolder.NONE) {
            return next;
        }
        beginToken(i);
        styled |= (cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0xFF21 && cp <= 0xFF5A) || (cp >= 0x2460 && cp <= 0x24FF)
                || (cp >= 0x1F130 && cp <= 0x1F189);
        farScript |= f >= 0x0590 && f < TextFolder.MULTI;
        if (f == TextFolder.MULTI) {
            String s = folder.foldSlow(cp);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                latin |= c >= 'a' && c <= 'z';
                farScript |= c >= 0x0590;
                wordChar(c, i, next);
            }
            return next;
        }
        char look = folder.homoglyph(cp);
        if (look != 0 && !confusable) {
            startAlt();
        } else if (look == 0 && f >= 0x0370) {
            allConfusable = false;
        }
        latin |= f >= 'a' && f <= 'z';
        wordChar(f, i, next);
        if (look != 0 && len <= alt.length) {
            alt[len - 1] = look;
            altHash[len - 1] = 31 * (len == 1 ? 0 : altHash[len - 2]) + look;
        }
        return next;
    }

    /** The first homoglyph of a token: from here on the Latin reading is kept alongside. */
    private void startAlt() {
        confusable = true;
        int n = Math.min(len, alt.length);
        System.arraycopy(buf, 0, alt, 0, n);
        System.arraycopy(hash, 0, altHash, 0, n);
    }

    private int cjk(int i, int cp, int next) {
        endToken();
        resolveAfter(TokenTable.WORD);
        int l = lexicon.cjkLength(text, i);
        int end = l > 0 ? i + l : next;
        int idx = tokenCount++;
        int h = 0;
        for (int k = i; k < end; k++) {
            h = 31 * h + text.charAt(k);
        }
        repeats.token(h, i, end);
        if (l > 0) {
            int k = table.add(lexicon.cjkMask(text, i), idx, sentence, i, end, TokenTable.VERB_FINAL
                    | TokenTable.ARTICLELESS | (lineTokens == 0 ? TokenTable.LINE_START : 0), prevPunct);
            pendingAfter = k;
        }
        lineTokens++;
        prevPunct = TokenTable.WORD;
        prevWordLen = 0;
        return end;
    }

    private void beginToken(int from) {
        if (tokStart < 0) {
            tokStart = from;
            len = 0;
            fullHash = 0;
            invisibleInside = 0;
            pendingInvisible = 0;
            latin = false;
            confusable = false;
            allConfusable = true;
            styled = false;
            farScript = false;
            closeFence(from);
            resolveAfter(TokenTable.WORD);
        }
    }

    private void wordChar(char f, int from, int to) {
        beginToken(from);
        invisibleInside += pendingInvisible;
        pendingInvisible = 0;
        fullHash = 31 * fullHash + f;
        if (len < buf.length) {
            buf[len] = f;
            hash[len] = fullHash;
            if (confusable) {
                alt[len] = f;
                altHash[len] = len == 0 ? f : 31 * altHash[len - 1] + f;
            }
        }
        len++;
        tokEnd = to;
    }

    private void endToken() {
        if (tokStart < 0) {
            return;
        }
        int idx = tokenCount++;
        if (len >= 2) {
            // one-letter tokens ("a", "0") repeat innocently in lists and data
            repeats.token(fullHash, tokStart, tokEnd);
        }
        encodings.token(len == 2 && digits(16), len == 8 && digits(2), len >= EncodingHints.hexRunMin() && digits(16));
        if (len > 0 && len <= buf.length) {
            long phrase = prevPunct == TokenTable.WORD ? lexicon.phrase(prevWord, prevWordLen, buf, len, hash[len - 1])
                    : 0;
            long mask = (vietnameseHomograph() ? 0 : lexicon.lookup(buf, len, hash)) | phrase;
            if (len == 1 && buf[0] == 't' && tokEnd < text.length() && anyApostrophe(text.charAt(tokEnd))
                    && (tokStart == 0 || !anyApostrophe(text.charAt(tokStart - 1))
                    && !Character.isLetter(text.charAt(tokStart - 1)))) {
                // French "qu'on t'a données", "je t'ai dit": an elided "te" is "you", not the "t" of "don't"
                mask = WordClass.YOU.bit();
            }
            if (confusable && (latin || (allConfusable && mask == 0))) {
                long mapped = lexicon.lookup(alt, len, altHash);
                if (latin || mapped != 0) {
                    mask = latin ? mask | mapped : mapped;
                    evidence.add(InjectionSignal.HOMOGLYPHS, tokStart, tokEnd, latin ? 0.3 : 0.4);
                }
            }
            if (styled && mask != 0) {
                evidence.add(InjectionSignal.HOMOGLYPHS, tokStart, tokEnd, 0.3);
            }
            if (mask != 0) {
                int flags = (upperCase() ? TokenTable.UPPER : 0)
                        | (lineTokens == 0 ? TokenTable.LINE_START : 0)
                        | (lineMarkup ? TokenTable.LINE_MARKUP : 0)
                        | (farScript && text.charAt(tokStart) >= 0x0900 || lexicon.verbFinal(buf, len, hash)
                        || phrase != 0 && lexicon.verbFinal(prevWord, prevWordLen)
                        ? TokenTable.VERB_FINAL : 0)
                        // Cyrillic; Hebrew and Arabic, whose article is a prefix ("النظام")
                        | (text.charAt(tokStart) >= 0x0400 && text.charAt(tokStart) < 0x0700
                        || text.charAt(tokStart) >= 0x0900 ? TokenTable.ARTICLELESS : 0);
                // a two-word entry is one token from its first word on ("bo qua", "yok say")
                pendingAfter = table.add(mask, idx, sentence, phrase != 0 ? prevWordStart : tokStart, tokEnd, flags,
                        phrase != 0 ? prevWordBefore : prevPunct);
            }
        }
        if (invisibleInside > 0 && !farScript && evidence.wantsDetail()) {
            evidence.add(InjectionSignal.INVISIBLE_CHARACTERS, tokStart, tokEnd, 0.4,
                    invisibleInside + " zero-width character(s) inside '" + visible(tokStart, tokEnd) + "'");
        }
        lineTokens++;
        prevWordBefore = prevPunct;
        prevPunct = TokenTable.WORD;
        prevWordLen = len <= buf.length ? len : 0;
        System.arraycopy(buf, 0, prevWord, 0, prevWordLen);
        prevWordStart = tokStart;
        tokStart = -1;
    }

    /** Whether the current token is all digits of the radix (hex pairs, binary octets, long hex runs). */
    private boolean digits(int radix) {
        for (int j = tokStart; j < tokEnd; j++) {
            if (Character.digit(text.charAt(j), radix) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the current token has at least two letters, all upper case ("DAN", "SYSTEM"). */
    private boolean upperCase() {
        int upper = 0;
        for (int j = tokStart; j < tokEnd; ) {
            int cp = text.codePointAt(j);
            j += Character.charCount(cp);
            if (Character.isLowerCase(cp)) {
                return false;
            }
            upper += Character.isUpperCase(cp) ? 1 : 0;
        }
        return upper >= 2;
    }

    private void punct(char c, int i) {
        endToken();
        if (c == '\n') {
            sentence++;
            lineTokens = 0;
            lineMarkup = false;
            prevPunct = 0;
            pendingAfter = -1;
            closeFence(i);
            return;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
            closeFence(i);
            return;
        }
        resolveAfter(c);
        if (c == '<' || c == '[' || c == '!') {
            markup.at(i, c);
        }
        if (lineTokens == 0 && (c == '#' || c == '[' || c == '<' || c == '|' || c == '*' || c == '>')) {
            lineMarkup = true;
        }
        if (c != fenceChar) {
            closeFence(i);
            fenceChar = c;
        }
        fenceLen++;
        if (c == '!' || c == '?' || c == ';'
                || (c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
            sentence++;
        }
        prevPunct = c;
    }

    /**
     * Vietnamese syllables whose fold is another language's word: "mà" (which) is not French "ma" (my), "từ" (from) not
     * "tu" (you), "sử" not Spanish "su", "một" (one) not French "mot", "đúng" (right) not "đừng" (don't).
     */
    private static final Set<String> VIETNAMESE_HOMOGRAPHS = Set.of("mà", "từ", "tư", "tự", "sử",
            "sự", "một", "đúng", "mã");

    private boolean vietnameseHomograph() {
        int n = tokEnd - tokStart;
        if (n < 2 || n > 4) {
            return false;
        }
        boolean ascii = true;
        for (int i = tokStart; i < tokEnd && ascii; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            // each of them carries a letter past ASCII: the usual short word costs no allocation here
            return false;
        }
        String word = Normalizer.normalize(text.substring(tokStart, tokEnd), Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        return VIETNAMESE_HOMOGRAPHS.contains(word);
    }

    private static boolean anyApostrophe(char c) {
        return c == '\'' || apostrophe(c);
    }

    private static boolean apostrophe(int cp) {
        return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07;
    }

    /** Ideographic and Devanagari full stops end a sentence like ". " does. */
    private static boolean fullStop(int cp) {
        return cp == 0x3002 || cp == 0xFF61 || cp == 0x0964 || cp == 0x0965;
    }

    private void resolveAfter(char c) {
        if (pendingAfter >= 0) {
            table.setAfter(pendingAfter, c);
            pendingAfter = -1;
        }
    }

    private void closeFence(int at) {
        if (fenceLen >= 3 && "`\"'-=#*~_".indexOf(fenceChar) >= 0) {
            fences[fenceCount % MAX_FENCES] = at;
            fenceCount++;
        }
        fenceLen = 0;
        fenceChar = 0;
    }

    private String visible(int from, int to) {
        StringBuilder b = new StringBuilder();
        text.substring(from, to).codePoints()
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .forEach(b::appendCodePoint);
        return b.toString();
    }

    /** Whether the text may hold base64, hex, binary or Morse blobs worth decoding. */
    boolean maybeEncoded() {
        return encodings.maybeEncoded();
    }

    /** Offsets just after each fence (``` """ --- ###), the latest {@link #MAX_FENCES} of them. */
    int[] fences() {
        int n = Math.min(fenceCount, MAX_FENCES);
        int[] out = new int[n];
        System.arraycopy(fences, 0, out, 0, n);
        return out;
    }

    /** Texts hidden in tag characters or variation selectors. */
    java.util.List<Payload> hiddenPayloads() {
        return hidden.payloads();
    }
}
