package io.promptdesk.engine.validation.injection;

import java.util.function.IntConsumer;

/**
 * The learned classifier's features: hashed word unigrams and bigrams and character 3-, 4- and 5-grams of the
 * folded text (the detector's {@link TextFolder}: NFKC, lower case, accents dropped, invisible characters removed,
 * leetspeak read as letters, white space collapsed to one space), and the classes its words have in the detector's
 * {@link Lexicon}, alone and in pairs (see {@link WordClassFeatures}). Each is hashed into {@link #DIM} buckets; a
 * window's vector is binary and of unit length, so a linear score is one pass over the text with no allocation per
 * n-gram. A text longer than {@link #WINDOW} folded chars is judged by its windows (see {@link #windowStarts}), so an
 * instruction planted in a long document is not drowned by it. Every n-gram knows its span in the original text, for
 * the details of a finding. Immutable and thread-safe.
 */
public final class HashedNgrams {

    /** Buckets: 2^18. */
    public static final int BITS = 18;
    public static final int DIM = 1 << BITS;
    static final int MIN_CHAR = 3;
    static final int MAX_CHAR = 5;
    /** Words longer than this (a run of CJK characters, a base64 blob) are hashed by their first chars only. */
    private static final int MAX_WORD = 24;
    /** A long text is judged by its most suspicious window of this many folded chars ... */
    public static final int WINDOW = 256;
    /** ... taken every this many chars. */
    public static final int STRIDE = 128;
    private static final int WORD_SEED = 0x9E3779B9;
    private static final int BIGRAM_SEED = 0x85EBCA6B;

    /** Receives one n-gram: its bucket and its span in the original text. */
    public interface Sink {
        void accept(int bucket, int start, int end);
    }

    /** At most this many n-grams per folded char: three char n-grams, and a word or a word pair. */
    private static final int NGRAMS_PER_CHAR = (MAX_CHAR - MIN_CHAR + 1) + 1;
    /** ... and with the word classes' features, at most this many (see {@link #capacity(int)}). */
    private static final int PER_CHAR = NGRAMS_PER_CHAR + WordClassFeatures.PER_CHAR;

    private final TextFolder folder;
    private final WordClassFeatures classes;

    public HashedNgrams() {
        this(TextFolder.shared());
    }

    HashedNgrams(TextFolder folder) {
        this.folder = folder;
        this.classes = new WordClassFeatures(Lexicon.shipped(folder));
    }

    /**
     * Room for every n-gram of any folded text of {@code length} chars, class features included: the bound for a short
     * window's buffer.
     */
    static int capacity(int length) {
        return PER_CHAR * length + 16;
    }

    /**
     * Room for every n-gram of {@code f}, counting its class features: a long text is given what it needs, not the
     * worst case (a 10 MB value is 10 MB of n-grams, not 16 times as much).
     */
    int capacity(Folded f) {
        return NGRAMS_PER_CHAR * f.length + 16 + classes.count(f.chars, f.length);
    }

    /** The folded text: chars, and for each the span of the original text it came from. */
    static final class Folded {
        final char[] chars;
        final int[] from;
        final int[] to;
        final int length;

        Folded(char[] chars, int[] from, int[] to, int length) {
            this.chars = chars;
            this.from = from;
            this.to = to;
            this.length = length;
        }

        String text() {
            return new String(chars, 0, length);
        }
    }

    /** Folds {@code text}; {@code unleet} is the same text with leetspeak read as letters, or null. */
    Folded fold(String text, String unleet) {
        String src = unleet != null ? unleet : text;
        int n = src.length();
        int cap = n + 2;
        char[] out = new char[cap];
        int[] from = new int[cap];
        int[] to = new int[cap];
        int k = 0;
        out[k] = ' ';
        from[k] = 0;
        to[k] = 0;
        k++;
        boolean space = true;
        for (int i = 0; i < n; ) {
            int cp = src.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                if (!space) {
                    if (k == out.length) {
                        out = grow(out);
                        from = grow(from);
                        to = grow(to);
                    }
                    out[k] = ' ';
                    from[k] = i;
                    to[k] = i + len;
                    k++;
                    space = true;
                }
            } else if (!TextFolder.isInvisible(cp) && !TextFolder.isBidiControl(cp) && !TextFolder.isTag(cp)
                    && !TextFolder.isVariationSelector(cp)) {
                char f = folder.fold(cp);
                if (f == TextFolder.MULTI) {
                    String s = folder.foldSlow(cp);
                    for (int j = 0; j < s.length(); j++) {
                        if (k == out.length) {
                            out = grow(out);
                            from = grow(from);
                            to = grow(to);
                        }
                        out[k] = s.charAt(j);
                        from[k] = i;
                        to[k] = i + len;
                        k++;
                    }
                    space = false;
                } else if (f != TextFolder.NONE) {
                    if (k == out.length) {
                        out = grow(out);
                        from = grow(from);
                        to = grow(to);
                    }
                    out[k] = f;
                    from[k] = i;
                    to[k] = i + len;
                    k++;
                    space = false;
                }
            }
            i += len;
        }
        if (!space) {
            if (k == out.length) {
                out = grow(out);
                from = grow(from);
                to = grow(to);
            }
            out[k] = ' ';
            from[k] = n;
            to[k] = n;
            k++;
        }
        return new Folded(out, from, to, k);
    }

    private static char[] grow(char[] a) {
        return java.util.Arrays.copyOf(a, a.length * 2 + 8);
    }

    private static int[] grow(int[] a) {
        return java.util.Arrays.copyOf(a, a.length * 2 + 8);
    }

    /** Calls {@code sink} for every n-gram of {@code text}; returns how many there were. */
    public int forEach(String text, Sink sink) {
        return forEach(fold(text, Readings.unleet(text)), sink);
    }

    /** Calls {@code sink} with the bucket of every n-gram (no spans); returns how many there were. */
    public int buckets(String text, IntConsumer sink) {
        return buckets(fold(text, Readings.unleet(text)), sink);
    }

    int buckets(Folded f, IntConsumer sink) {
        return forEachFolded(f, (bucket, start, end) -> sink.accept(bucket));
    }

    /**
     * The starts of the windows a long text is judged by: {@link #WINDOW} folded chars every {@link #STRIDE}, the
     * last one ending at the text's end; a text of at most {@link #WINDOW} chars is one window. An n-gram belongs to
     * the window its first char is in.
     */
    static int[] windowStarts(int length) {
        if (length <= WINDOW) {
            return new int[] {0};
        }
        int count = (length - WINDOW + STRIDE - 1) / STRIDE + 1;
        int[] starts = new int[count];
        for (int k = 0; k < count - 1; k++) {
            starts[k] = k * STRIDE;
        }
        starts[count - 1] = length - WINDOW;
        return starts;
    }

    /** The buckets of each window of {@code text} (see {@link #windowStarts}), for training. */
    public java.util.List<int[]> windowBuckets(String text) {
        return windowBuckets(text, 0, text.length());
    }

    /** The buckets of each window of {@code text} that holds some of the original text's span [from, to). */
    public java.util.List<int[]> windowBuckets(String text, int from, int to) {
        Folded f = fold(text, Readings.unleet(text));
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int k = 0; k < f.length; k++) {
            if (f.from[k] >= from && f.from[k] < to) {
                first = Math.min(first, k);
                last = k;
            }
        }
        int[][] acc = new int[2][64];
        int[] n = {0};
        forEachFolded(f, (bucket, start, end) -> {
            if (n[0] == acc[0].length) {
                acc[0] = java.util.Arrays.copyOf(acc[0], n[0] * 2);
                acc[1] = java.util.Arrays.copyOf(acc[1], n[0] * 2);
            }
            acc[0][n[0]] = bucket;
            acc[1][n[0]] = start;
            n[0]++;
        });
        int[] starts = windowStarts(f.length);
        java.util.List<int[]> out = new java.util.ArrayList<>(starts.length);
        for (int ws : starts) {
            int we = starts.length == 1 ? Integer.MAX_VALUE : ws + WINDOW;
            if (last < ws || first >= we) {
                continue;
            }
            int k = 0;
            int[] b = new int[n[0]];
            for (int i = 0; i < n[0]; i++) {
                if (acc[1][i] >= ws && acc[1][i] < we) {
                    b[k++] = acc[0][i];
                }
            }
            out.add(java.util.Arrays.copyOf(b, k));
        }
        return out;
    }

    /** Like {@link #forEach(Folded, Sink)}, with spans in the folded text: [start, end) of {@code f.chars}. */
    int forEachFolded(Folded f, Sink sink) {
        return forEachFolded(f, sink, sink, sink);
    }

    /**
     * Each kind of n-gram to its own sink, each in the order of its start: char n-grams, words, word pairs.
     */
    int forEachFolded(Folded f, Sink sink, Sink wordSink, Sink pairSink) {
        char[] c = f.chars;
        int n = f.length;
        int count = 0;
        // character n-grams over the folded text, spaces included (word edges matter)
        for (int i = 0; i < n; i++) {
            int h = 0x811C9DC5;
            for (int len = 1; len <= MAX_CHAR && i + len <= n; len++) {
                h = (h ^ c[i + len - 1]) * 0x01000193;
                if (len >= MIN_CHAR) {
                    sink.accept(bucket(h + len), i, i + len);
                    count++;
                }
            }
        }
        // words and word pairs
        int prevHash = 0;
        int prevStart = -1;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            int h = WORD_SEED;
            while (i < n && Character.isLetterOrDigit(c[i])) {
                if (i - start < MAX_WORD) {
                    h = (h ^ c[i]) * 0x01000193;
                }
                i++;
            }
            wordSink.accept(bucket(h), start, i);
            count++;
            if (prevStart >= 0) {
                pairSink.accept(bucket(prevHash * 31 + h + BIGRAM_SEED), prevStart, i);
                count++;
            }
            prevHash = h;
            prevStart = start;
        }
        int[] buckets = new int[classes.count(c, n)];
        int[] starts = new int[buckets.length];
        int[] ends = new int[buckets.length];
        int kept = classes.emit(c, n, buckets, 0, starts, ends);
        for (int k = 0; k < kept; k++) {
            sink.accept(buckets[k], starts[k], ends[k]);
        }
        return count + kept;
    }

    /**
     * The buckets of every n-gram of {@code f} into {@code out} (at least {@link #capacity(Folded)} long),
     * without a call per n-gram: the scoring path of a short text.
     *
     * @return how many
     */
    int fill(Folded f, int[] out) {
        return fill(f, out, null, null);
    }

    /**
     * Like {@link #fill(Folded, int[])}, also writing each n-gram's start in folded chars to {@code starts} and, to
     * {@code ends}, where the char n-grams, the words, the word pairs and the class features end in {@code out}: each
     * kind is in the order of its start.
     */
    int fill(Folded f, int[] out, int[] starts, int[] ends) {
        char[] c = f.chars;
        int n = f.length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            int h = 0x811C9DC5;
            for (int len = 1; len <= MAX_CHAR && i + len <= n; len++) {
                h = (h ^ c[i + len - 1]) * 0x01000193;
                if (len >= MIN_CHAR) {
                    if (starts != null) {
                        starts[count] = i;
                    }
                    out[count++] = bucket(h + len);
                }
            }
        }
        if (starts == null) {
            return classes.emit(c, n, out, words(c, n, out, count, null, 0), null, null);
        }
        ends[0] = count;
        int afterWords = words(c, n, out, count, starts, 1);
        ends[1] = afterWords;
        ends[2] = words(c, n, out, afterWords, starts, 2);
        ends[3] = classes.emit(c, n, out, ends[2], starts, null);
        return ends[3];
    }

    /** Words ({@code pass} 1), word pairs (2), or both interleaved (0), from {@code count} on; returns the new count. */
    private static int words(char[] c, int n, int[] out, int count, int[] starts, int pass) {
        int prevHash = 0;
        int prevStart = -1;
        boolean prev = false;
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(c[i])) {
                i++;
                continue;
            }
            int start = i;
            int h = WORD_SEED;
            while (i < n && Character.isLetterOrDigit(c[i])) {
                if (i - start < MAX_WORD) {
                    h = (h ^ c[i]) * 0x01000193;
                }
                i++;
            }
            if (pass != 2) {
                if (starts != null) {
                    starts[count] = start;
                }
                out[count++] = bucket(h);
            }
            if (prev && pass != 1) {
                if (starts != null) {
                    starts[count] = prevStart;
                }
                out[count++] = bucket(prevHash * 31 + h + BIGRAM_SEED);
            }
            prevHash = h;
            prevStart = start;
            prev = true;
        }
        return count;
    }

    /** Calls {@code sink} for every n-gram of {@code f} with its span in the original text. */
    int forEach(Folded f, Sink sink) {
        return forEachFolded(f, (bucket, start, end) -> sink.accept(bucket, f.from[start], f.to[end - 1]));
    }

    /** Murmur3's finaliser, top {@link #BITS} bits. */
    static int bucket(int h) {
        return mix(h) >>> (32 - BITS);
    }

    /** Murmur3's finaliser: every input bit moves every output bit (also the trainer's split hash). */
    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
