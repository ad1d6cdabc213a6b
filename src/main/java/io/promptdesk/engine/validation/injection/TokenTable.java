package io.promptdesk.engine.validation.injection;

import java.util.Arrays;

/**
 * The tokens of one text that belong to at least one word class, in text order, with their token index
 * (every token counts, tagged or not, so windows measure real distance), sentence number, original span and
 * a few layout facts. Rules query it, and the raw words around each token ({@link RawWords}); it is built and read by
 * one scan on one thread.
 */
final class TokenTable extends RawWords {

    /** All letters upper case ("DAN", "SYSTEM"). */
    static final int UPPER = 1;
    /** First token on its line. */
    static final int LINE_START = 2;
    /** Markup (#, [, <, |, *) precedes the token on its line. */
    static final int LINE_MARKUP = 4;
    /** A verb-final script (CJK, Korean, Indic): rules also look before the verb. */
    static final int VERB_FINAL = 8;
    /** A script whose languages have no articles (Cyrillic, CJK, Hangul, Indic): "the" cannot be required. */
    static final int ARTICLELESS = 16;

    /** {@link #after} value when the next non-space character is a letter or digit. */
    static final char WORD = 'a';

    private int size;
    private long[] masks = new long[16];
    private int[] index = new int[16];
    private int[] sentence = new int[16];
    private int[] start = new int[16];
    private int[] end = new int[16];
    private int[] flags = new int[16];
    private char[] before = new char[16];
    private char[] after = new char[16];

    TokenTable(String text) {
        super(text);
    }

    int add(long mask, int tokenIndex, int sentenceNo, int from, int to, int flagBits, char prev) {
        if (size == masks.length) {
            int n = size * 2;
            masks = Arrays.copyOf(masks, n);
            index = Arrays.copyOf(index, n);
            sentence = Arrays.copyOf(sentence, n);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            flags = Arrays.copyOf(flags, n);
            before = Arrays.copyOf(before, n);
            after = Arrays.copyOf(after, n);
        }
        masks[size] = mask;
        index[size] = tokenIndex;
        sentence[size] = sentenceNo;
        start[size] = from;
        end[size] = to;
        flags[size] = flagBits;
        before[size] = prev;
        after[size] = 0;
        return size++;
    }

    void setAfter(int k, char c) {
        after[k] = c;
    }

    int size() {
        return size;
    }

    boolean is(int k, WordClass c) {
        return (masks[k] & c.bit()) != 0;
    }

    boolean any(int k, long mask) {
        return (masks[k] & mask) != 0;
    }

    int index(int k) {
        return index[k];
    }

    int sentence(int k) {
        return sentence[k];
    }

    @Override
    int start(int k) {
        return start[k];
    }

    @Override
    int end(int k) {
        return end[k];
    }

    boolean flag(int k, int bit) {
        return (flags[k] & bit) != 0;
    }

    /** The first non-space character before the token on its side of a word, or 0. */
    char before(int k) {
        return before[k];
    }

    /** The first non-space character after the token ({@link #WORD} for a word), or 0 at the end. */
    char after(int k) {
        return after[k];
    }

    /**
     * The nearest tagged token in {@code k}'s sentence with a class in {@code mask}, at most {@code ahead} tokens
     * after or {@code behind} tokens before it; after wins over before. -1 when none.
     */
    int near(int k, long mask, int ahead, int behind) {
        int f = next(k, mask, ahead);
        return f >= 0 ? f : prev(k, mask, behind);
    }

    /** The nearest tagged token after {@code k}, same sentence, at most {@code ahead} tokens on, in {@code mask}. */
    int next(int k, long mask, int ahead) {
        int limit = index[k] + ahead;
        for (int j = k + 1; j < size && index[j] <= limit && sentence[j] == sentence[k]; j++) {
            if ((masks[j] & mask) != 0) {
                return j;
            }
        }
        return -1;
    }

    /** The nearest tagged token before {@code k}, same sentence, at most {@code behind} tokens back, in mask. */
    int prev(int k, long mask, int behind) {
        int limit = index[k] - behind;
        for (int j = k - 1; j >= 0 && index[j] >= limit && sentence[j] == sentence[k]; j--) {
            if ((masks[j] & mask) != 0) {
                return j;
            }
        }
        return -1;
    }

    /** The tagged token exactly {@code offset} tokens from {@code k} (same sentence) if it is in {@code mask}. */
    int at(int k, long mask, int offset) {
        int want = index[k] + offset;
        int step = offset > 0 ? 1 : -1;
        for (int j = k + step; j >= 0 && j < size && sentence[j] == sentence[k]; j += step) {
            if (index[j] == want) {
                return (masks[j] & mask) != 0 ? j : -1;
            }
            if (step > 0 ? index[j] > want : index[j] < want) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a negation ("not", "don't", "never") stands within {@code behind} tokens before {@code k}. */
    boolean negated(int k, int behind) {
        return prev(k, WordClass.NEG.bit(), behind) >= 0;
    }

    /** Whether the token is not "my ..." or similar: no first-person possessive directly before it. */
    boolean ownedBySpeaker(int k) {
        return prev(k, WordClass.POSS_SELF.bit(), 2) >= 0;
    }

    /** How far the rules look behind a verb: only in verb-final scripts. */
    int behindFor(int k, int window) {
        return flag(k, VERB_FINAL) ? window : 0;
    }
}
