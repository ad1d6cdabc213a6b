package io.promptdesk.engine.validation.profanity;

import io.promptdesk.engine.validation.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scan of one folded text against a {@link TermTrie}: leftmost-longest, whole-word matching with a small
 * depth-first walk per word start that also accepts leetspeak stand-ins, masked letters, repeated letters and
 * spaced-out single letters. Holds per-scan state, so it is created per scan and never shared.
 */
final class TermSearch {

    private static final int MAX_MASKS = 3;
    private static final int MAX_REPEATS = 16;
    /** Separator characters allowed between the words of a phrase ("blow - job"). */
    private static final int MAX_GAP = 8;
    /** Separator characters allowed between spaced letters ("f . u . c . k"). */
    private static final int MAX_SPACING = 3;
    /** Walk steps per start position: keeps hostile input linear; real text needs a handful. */
    private static final int STEP_BUDGET = 256;

    // state bits besides the Obfuscation bits
    private static final int LAST_MASK = 1 << 21;
    private static final int LAST_LITERAL_SYMBOL = 1 << 22;
    private static final int OBFUSCATION_BITS = (1 << 20) - 1;

    private final TermTrie trie;
    private final FoldedText text;
    /** The folded symbols, read directly: this is the innermost loop of every validation run. */
    private final char[] sym;
    private final int n;

    private int start;
    /** The text's words, read once the first time a match depends on the text's language. */
    private java.util.Set<String> tokens;
    private boolean spaced;
    private boolean spacedFromRunStart;
    private int steps;
    private int bestLast;
    private int bestNode;
    private int bestBits;
    /** Another listed term fits the best span too (masked letters can fit several). */
    private boolean bestAmbiguous;

    private TermSearch(TermTrie trie, FoldedText text) {
        this.trie = trie;
        this.text = text;
        this.sym = text.symbols();
        this.n = text.length();
    }

    /** The signals for every denied term found, at most {@code maxSignals}, in text order. */
    static List<Signal> find(TermTrie trie, FoldedText text, int maxSignals) {
        return new TermSearch(trie, text).run(maxSignals);
    }

    private List<Signal> run(int maxSignals) {
        List<Signal> signals = new ArrayList<>(2);
        boolean previousIsWord = false;
        int failedStart = -1;
        int k = 0;
        while (k < n && signals.size() < maxSignals) {
            char c = sym[k];
            boolean word = Symbols.isWord(c);
            // the hot path: inside a word, or a character no term can start with
            boolean inWord = previousIsWord && word && ((sym[k - 1] | c) < 128 || Symbols.joins(sym[k - 1], c));
            if (inWord || !trie.canStart(c)) {
                previousIsWord = word;
                k++;
                continue;
            }
            if (repeatsFailedStart(failedStart, k)) {
                failedStart = k;
                previousIsWord = word;
                k++;
                continue;
            }
            bestLast = -1;
            bestAmbiguous = false;
            boolean wordStart = !previousIsWord || (word && !Symbols.joins(sym[k - 1], c));
            searchFrom(k, wordStart && !followsDisguisedWord(k));
            if (bestLast < 0) {
                failedStart = k;
                previousIsWord = word;
                k++;
                continue;
            }
            failedStart = -1;
            if (!trie.isAllowed(bestNode) && !excusedByLanguage(bestNode)) {
                signals.add(signal(k, bestLast, bestNode, bestBits, bestAmbiguous));
            }
            previousIsWord = Symbols.isWord(sym[bestLast]);
            k = bestLast + 1;
        }
        return signals;
    }

    /**
     * Two or three capital letters ("AM-FM", "CU", "DEL"): an acronym, not a word of another language's list.
     * English words keep being read in capitals ("ASS").
     */
    private boolean isShortAcronym(int from, int to) {
        String original = text.original();
        if (to - from < 2 || to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Character.isUpperCase(original.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word at {@code node} is an ordinary word in the language the text is written in. */
    private boolean excusedByLanguage(int node) {
        TermTrie.Context context = trie.context(node);
        if (context == null) {
            return false;
        }
        if (tokens == null) {
            tokens = LanguageHints.tokens(text.original());
        }
        return LanguageHints.excuses(tokens, context.word(), context.own(), context.innocent());
    }

    /**
     * Whether {@code k} only repeats the symbol of the start just before it that found nothing ("$$$$",
     * "s s s s"): any match from {@code k} would have been found from there, with one more repeated letter.
     * Skipping keeps runs of one symbol linear.
     */
    private boolean repeatsFailedStart(int failedStart, int k) {
        if (failedStart < 0 || sym[failedStart] != sym[k]) {
            return false;
        }
        return k == failedStart + 1 || (isSingle(failedStart) && nextSingle(failedStart) == k);
    }

    /**
     * Whether the leetspeak symbols just before {@code k} hang off a word, as in "c++17" or "p@$$": then
     * {@code k} is inside that word, not at the start of one.
     */
    private boolean followsDisguisedWord(int k) {
        int p = k - 1;
        while (p >= 0 && !Symbols.isWord(sym[p]) && Symbols.leet(sym[p]) != null) {
            p--;
        }
        return p >= 0 && p < k - 1 && Symbols.isWord(sym[p]);
    }

    private void searchFrom(int k, boolean bounded) {
        start = k;
        spaced = false;
        steps = 0;
        if (bounded) {
            walk(trie.root(), k, -1, (char) 0, 0, 0, 0, 0);
        } else {
            // inside a word only a term that starts with a symbol, like the emoji in the list, may begin
            char s = sym[k];
            int child = Symbols.isWord(s) || s == Symbols.MASK ? -1 : trie.child(trie.root(), s);
            if (child >= 0) {
                walk(child, k + 1, k, s, LAST_LITERAL_SYMBOL, 0, 1, 0);
            }
        }
        boolean single = isSingle(k);
        boolean runStart = single && previousSingle(k) < 0;
        if (single && (!runStart || nextSingle(k) < n)) {
            spaced = true;
            spacedFromRunStart = runStart;
            steps = 0;
            walk(trie.root(), k, -1, (char) 0, Obfuscation.SPACED.bit(), 0, 0, 0);
            spaced = false;
        }
    }

    /**
     * Follows the trie from {@code node} along the text, offering every terminal node passed to
     * {@link #consider}.
     *
     * @param node    trie node reached so far
     * @param pos     next symbol to read
     * @param last    last symbol consumed, -1 before the first
     * @param lastKey trie character last consumed, for repeated letters; 0 when repeats are not allowed
     * @param masks   masked letters consumed
     * @param solid   other symbols consumed
     * @param repeats extra copies of letters skipped so far
     */
    private void walk(int node, int pos, int last, char lastKey, int bits, int masks, int solid, int repeats) {
        while (++steps <= STEP_BUDGET) {
            if (last >= 0 && trie.term(node) != null) {
                consider(node, pos, last, bits, masks, solid);
            }
            if (pos >= n) {
                return;
            }
            char s = sym[pos];
            if (s < 'a' || s > 'z' || s == lastKey) {
                branch(node, pos, last, lastKey, bits, masks, solid, repeats);
                return;
            }
            // a plain letter that repeats nothing can only follow its literal edge: loop instead of recursing
            node = trie.child(node, s);
            if (node < 0) {
                return;
            }
            last = pos;
            lastKey = s;
            bits &= ~(LAST_MASK | LAST_LITERAL_SYMBOL);
            solid++;
            pos = spaced ? nextSingle(pos) : pos + 1;
        }
    }

    /** Every way on from {@code pos} when the symbol there is not a plain letter, or repeats the last one. */
    private void branch(int node, int pos, int last, char lastKey, int bits, int masks, int solid, int repeats) {
        char s = sym[pos];
        int next = spaced ? nextSingle(pos) : pos + 1;
        int kept = bits & ~(LAST_MASK | LAST_LITERAL_SYMBOL);
        boolean word = Symbols.isWord(s);

        int child = trie.child(node, s);
        if (child >= 0) {
            walk(child, next, pos, s, kept | (word ? 0 : LAST_LITERAL_SYMBOL), masks, solid + 1, repeats);
        }
        String alternatives = s >= 'a' && s <= 'z' ? null : Symbols.leet(s);
        if (alternatives != null) {
            for (int i = 0; i < alternatives.length(); i++) {
                char a = alternatives.charAt(i);
                int alt = trie.child(node, a);
                if (alt >= 0) {
                    walk(alt, next, pos, a, kept | Obfuscation.LEETSPEAK.bit(), masks, solid + 1, repeats);
                }
            }
        }
        if (s == Symbols.MASK && solid > 0 && masks < MAX_MASKS) {
            int masked = kept | LAST_MASK | Obfuscation.MASKED.bit();
            for (int e = trie.firstEdge(node); e < trie.endEdge(node); e++) {
                if (Character.isLetter(trie.edgeKey(e))) {
                    walk(trie.edgeTarget(e), next, pos, (char) 0, masked, masks + 1, solid, repeats);
                }
            }
        }
        // in Chinese, Japanese, Thai and Korean a doubled character is ordinary spelling (妈妈 "mum")
        if (lastKey != 0 && repeats < MAX_REPEATS && !Symbols.isUnspaced(s) && !Symbols.isHangul(s)) {
            if (s == lastKey) {
                walk(node, next, pos, lastKey, kept | Obfuscation.REPEATED.bit(), masks, solid + 1, repeats + 1);
            } else if (alternatives != null && alternatives.charAt(0) == lastKey) {
                // only the main reading of an ambiguous symbol repeats ('1' as i), or "1 1 1" branches at every copy
                int viaLeet = kept | Obfuscation.REPEATED.bit() | Obfuscation.LEETSPEAK.bit();
                walk(node, next, pos, lastKey, viaLeet, masks, solid + 1, repeats + 1);
            }
        }
        if (!spaced && !word && s != Symbols.MASK) {
            int gap = trie.child(node, TermTrie.GAP);
            if (gap >= 0) {
                // the next word may begin with a non-word leetspeak symbol ("big @ss"), so try each gap length
                for (int j = pos + 1; j <= n && j - pos <= MAX_GAP; j++) {
                    walk(gap, j, j - 1, (char) 0, kept, masks, solid, repeats);
                    if (j == n || Symbols.isWord(sym[j])) {
                        break;
                    }
                }
            }
        }
    }

    private void consider(int node, int pos, int last, int bits, int masks, int solid) {
        if ((bits & LAST_MASK) != 0 || masks > solid) {
            return;
        }
        if ((bits & Obfuscation.LEETSPEAK.bit()) != 0 && looksLikeNumberOrHex(last)) {
            return;
        }
        if (spaced) {
            int tokens = masks + solid;
            // a three-letter term must be the whole run of single letters, so "a b a s s" is not "ass";
            // longer terms may sit inside a run ("I f u c k i n g")
            if (tokens < 3 || (tokens == 3 && (!spacedFromRunStart || nextSingle(last) < n))) {
                return;
            }
        } else if (pos < n && (bits & LAST_LITERAL_SYMBOL) == 0 && Symbols.joins(sym[last], sym[pos])
                && !Symbols.isHangul(sym[last])) {
            // whole words only; a Korean term may carry a particle or ending ("씨발놈아")
            return;
        }
        if (trie.isAllowed(node)) {
            // an allowed word must be written as it is: "pis" allowed does not excuse "piss", nor "chut" "c**t"
            if ((bits & (Obfuscation.REPEATED.bit() | Obfuscation.MASKED.bit())) != 0) {
                return;
            }
        } else if (((bits & Obfuscation.MASKED.bit()) == 0 // a star may hide the accented letter ("g*t")
                && !trie.accentsFit(node, text.original(), text.startOf(start), text.endOf(last)))
                || (!trie.readsAccentsAsDisguise(node) && isShortAcronym(text.startOf(start), text.endOf(last)))) {
            return;
        }
        boolean better = last > bestLast
                || (last == bestLast && trie.isAllowed(node) && !trie.isAllowed(bestNode));
        if (!better && last == bestLast && node != bestNode && !trie.isAllowed(node) && !trie.isAllowed(bestNode)
                && trie.readsAccentsAsDisguise(node) != trie.readsAccentsAsDisguise(bestNode)) {
            // masked letters that fit an English word and a word of another list ("f*ck": fuck, German fick)
            // read as the English word
            if (trie.readsAccentsAsDisguise(node)) {
                bestNode = node;
                bestBits = bits;
                bestAmbiguous = false;
            }
            return;
        }
        if (better) {
            bestAmbiguous = last == bestLast && node != bestNode;
            bestLast = last;
            bestNode = node;
            bestBits = bits;
        } else if (last == bestLast && node != bestNode) {
            bestAmbiguous = true;
        }
    }

    /**
     * A number or a hex code ("455", "B008" in a key fingerprint), which leetspeak would misread: only digits
     * and the letters a-f, at least as many digits as letters, and no leetspeak punctuation.
     */
    private boolean looksLikeNumberOrHex(int last) {
        int digits = 0;
        int letters = 0;
        for (int i = start; i <= last; i++) {
            char c = sym[i];
            if (Symbols.isAsciiDigit(c)) {
                digits++;
            } else if (c >= 'a' && c <= 'f') {
                letters++;
            } else if (Character.isLetter(c) || Symbols.leet(c) != null) {
                return false;
            }
        }
        return digits > 0 && digits >= letters;
    }

    /** A token of one symbol: "f" in "f u c k", "$" in "$ h i t". */
    private boolean isSingle(int k) {
        return Symbols.isTokenChar(sym[k])
                && (k == 0 || !Symbols.isTokenChar(sym[k - 1]))
                && (k + 1 >= n || !Symbols.isTokenChar(sym[k + 1]));
    }

    /** The next single-symbol token after a short run of separators, or {@code n} when the run ends. */
    private int nextSingle(int k) {
        int j = k + 1;
        while (j < n && j - k <= MAX_SPACING && !Symbols.isTokenChar(sym[j])) {
            j++;
        }
        return j > k + 1 && j < n && j - k <= MAX_SPACING + 1 && isSingle(j) ? j : n;
    }

    /** The previous single-symbol token before a short run of separators, or -1. */
    private int previousSingle(int k) {
        int j = k - 1;
        while (j >= 0 && k - j <= MAX_SPACING && !Symbols.isTokenChar(sym[j])) {
            j--;
        }
        return j < k - 1 && j >= 0 && k - j <= MAX_SPACING + 1 && isSingle(j) ? j : -1;
    }

    private Signal signal(int first, int last, int node, int bits, boolean ambiguous) {
        int from = text.startOf(first);
        int to = text.endOf(last);
        // Masked letters can fit several listed terms ("f***ing"): then quote what was written rather than guess.
        String term = ambiguous ? text.original().substring(from, to) : trie.term(node);
        int how = (bits & OBFUSCATION_BITS) | unicodeTricks(from, to, trie.term(node).toLowerCase(Locale.ROOT));
        String evidence = Obfuscation.describe(term, how);
        return new Signal(ProfanityDetector.SIGNAL_NAME, from, to - from, evidence, 1.0);
    }

    /**
     * Look-alike and invisible characters in the original span, which folding has hidden from the walk. Letters
     * the listed term is spelled with ("ö" in "göt", Cyrillic in "сука") are not look-alikes.
     */
    private int unicodeTricks(int from, int to, String listed) {
        if (text.isPlain()) {
            return 0;
        }
        String original = text.original();
        int bits = 0;
        int i = from;
        while (i < to) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            if (Character.isBmpCodePoint(cp)) {
                char c = (char) cp;
                char f = CharFolding.fold(c);
                if (f == CharFolding.DROP) {
                    // a dropped accent is a look-alike ("fu\u0301ck"); anything else dropped was invisible
                    bits |= isMark(c) ? Obfuscation.LOOKALIKE.bit() : Obfuscation.INVISIBLE.bit();
                } else if (f != c && (f == CharFolding.EXPAND || Character.isLetterOrDigit(f))
                        && listed.indexOf(Character.toLowerCase(c)) < 0) {
                    bits |= Obfuscation.LOOKALIKE.bit();
                }
            } else if (!CharFolding.foldCodePoint(cp).equals(new String(Character.toChars(cp)))) {
                bits |= Obfuscation.LOOKALIKE.bit();
            }
        }
        return bits;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }
}
