package io.promptdesk.engine.validation.injection;

/**
 * The learned classifier's word-class features, beside its n-grams ({@link HashedNgrams}): each word's classes in the
 * detector's {@link Lexicon} (the words of "ignore", "disregard", "vergiss", "忽略" share one) and each pair of
 * classes of two such words at most {@value #CLASS_GAP} words apart, hashed into the same buckets, so that what the
 * model learns from one language's attacks weighs in every language the lexicon knows. Immutable and thread-safe.
 */
final class WordClassFeatures {

    private static final int CLASS_SEED = 0x27D4EB2F;
    private static final int CLASS_PAIR_SEED = 0x165667B1;
    /** Two words of the lexicon's classes at most this many words apart make a class pair. */
    static final int CLASS_GAP = 3;
    /** At most this many classes of one word count (a word is rarely in more than two). */
    private static final int CLASSES_PER_WORD = 3;
    /** At most this many features per folded char: {@value #CLASSES_PER_WORD} classes and their pairs per word. */
    static final int PER_CHAR = CLASSES_PER_WORD * (CLASSES_PER_WORD + 1);

    private final Lexicon lexicon;

    WordClassFeatures(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** How many features {@link #emit} gives for the folded text {@code c[0..n)}, without writing them. */
    int count(char[] c, int n) {
        return emit(c, n, null, 0, null, null);
    }

    /**
     * The features of the folded text {@code c[0..n)} into {@code out} (none when null) from {@code count} on, each at
     * the start (and
     * end) of its word, in the order of their start: the spans go to {@code starts} and {@code ends} when they are not
     * null. Han and kana runs are read as the lexicon's longest entries.
     *
     * @return the new count
     */
    int emit(char[] c, int n, int[] out, int count, int[] starts, int[] ends) {
        char[] buf = new char[Lexicon.MAX_WORD];
        int[] prefix = new int[Lexicon.MAX_WORD];
        java.nio.CharBuffer text = null;
        long prevMask = 0;
        int prevWord = -CLASS_GAP - 1;
        int word = 0;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(c[i])) {
                i++;
            }
            if (c[start] >= 0x2E80 && TextFolder.isHanOrKana(c[start])) {
                if (text == null) {
                    text = java.nio.CharBuffer.wrap(c, 0, n);
                }
                for (int p = start; p < i; ) {
                    int l = lexicon.cjkLength(text, p);
                    if (l == 0) {
                        p++;
                        continue;
                    }
                    long mask = lexicon.cjkMask(text, p);
                    count = emitClasses(mask, prevMask, word - prevWord <= CLASS_GAP, out, count, starts, ends, p,
                            p + l);
                    prevMask = mask;
                    prevWord = word++;
                    p += l;
                }
                word++;
                continue;
            }
            int len = i - start;
            if (len <= Lexicon.MAX_WORD) {
                int h = 0;
                for (int k = 0; k < len; k++) {
                    buf[k] = c[start + k];
                    h = 31 * h + buf[k];
                    prefix[k] = h;
                }
                long mask = lexicon.lookup(buf, len, prefix);
                if (mask != 0) {
                    count = emitClasses(mask, prevMask, word - prevWord <= CLASS_GAP, out, count, starts, ends,
                            start, i);
                    prevMask = mask;
                    prevWord = word;
                }
            }
            word++;
        }
        return count;
    }

    /** One word's class features (its classes, and its pairs with the previous word's when {@code near}). */
    private static int emitClasses(long mask, long prevMask, boolean near, int[] out, int count, int[] starts,
                                   int[] ends, int start, int end) {
        int taken = 0;
        for (long m = mask; m != 0 && taken < CLASSES_PER_WORD; m &= m - 1, taken++) {
            int b = Long.numberOfTrailingZeros(m);
            count = put(out, count, starts, ends, HashedNgrams.bucket(CLASS_SEED + b * 0x01000193), start, end);
            if (!near) {
                continue;
            }
            int before = 0;
            for (long pm = prevMask; pm != 0 && before < CLASSES_PER_WORD; pm &= pm - 1, before++) {
                int a = Long.numberOfTrailingZeros(pm);
                count = put(out, count, starts, ends, HashedNgrams.bucket(CLASS_PAIR_SEED + (a * 64 + b) * 0x01000193), start, end);
            }
        }
        return count;
    }

    private static int put(int[] out, int count, int[] starts, int[] ends, int bucket, int start, int end) {
        if (starts != null) {
            starts[count] = start;
        }
        if (ends != null) {
            ends[count] = end;
        }
        if (out != null) {
            out[count] = bucket;
        }
        return count + 1;
    }
}
