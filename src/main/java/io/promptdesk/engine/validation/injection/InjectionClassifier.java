package io.promptdesk.engine.validation.injection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The learned prompt-injection classifier: logistic regression over {@link HashedNgrams}, its margin calibrated
 * to a probability by Platt scaling, and a threshold on that probability, all chosen at training time on held-out
 * training data (see {@code docs/injection-model.md}). The weights are 16-bit integers with one scale, as shipped
 * in {@value #RESOURCE}; the shipped model is read once, on first use. Immutable and thread-safe.
 */
public final class InjectionClassifier {

    public static final String RESOURCE = "/promptdesk/injection/classifier.bin";
    private static final int MAGIC = 0x50444943; // "PDIC"
    private static final int VERSION = 2;
    /** Fragments named in a finding's details. */
    static final int TOP_FRAGMENTS = 5;

    private final short[] weights;
    private final double scale;
    private final double bias;
    private final double plattA;
    private final double plattB;
    private final double threshold;
    private final HashedNgrams ngrams;

    /** A text's verdict: the calibrated probability, whether it passes the threshold, what weighed most. */
    public record Verdict(double probability, boolean flagged, List<Fragment> fragments) {
    }

    /** A word or fragment of the original text and how much it pushed the margin towards injection. */
    public record Fragment(int start, int end, String text, double weight) {
    }

    /**
     * @param w         weights over {@link HashedNgrams#DIM} buckets (quantised to 16 bits here)
     * @param bias      the margin's intercept
     * @param plattA    Platt's A: probability = 1 / (1 + exp(A * margin + B))
     * @param plattB    Platt's B
     * @param threshold probability at or above which a text is flagged
     */
    public InjectionClassifier(double[] w, double bias, double plattA, double plattB, double threshold) {
        if (w.length != HashedNgrams.DIM) {
            throw new IllegalArgumentException("expected " + HashedNgrams.DIM + " weights, got " + w.length);
        }
        double max = 0;
        for (double x : w) {
            max = Math.max(max, Math.abs(x));
        }
        this.scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        this.weights = new short[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (short) Math.round(w[i] / scale);
        }
        this.bias = bias;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
        this.ngrams = new HashedNgrams();
    }

    private InjectionClassifier(short[] weights, double scale, double bias, double plattA, double plattB,
                                double threshold) {
        this.weights = weights;
        this.scale = scale;
        this.bias = bias;
        this.plattA = plattA;
        this.plattB = plattB;
        this.threshold = threshold;
        this.ngrams = new HashedNgrams();
    }

    private static final class Shipped {
        static final InjectionClassifier INSTANCE = load();

        private static InjectionClassifier load() {
            try (InputStream in = InjectionClassifier.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the classifier's weights " + RESOURCE + " are not on the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /** The model shipped with PromptDesk, read on first call. */
    public static InjectionClassifier shipped() {
        return Shipped.INSTANCE;
    }

    public double threshold() {
        return threshold;
    }

    /** The linear margin of {@code text} (positive leans to injection). */
    public double margin(String text) {
        return margin(ngrams.fold(text, Readings.unleet(text)));
    }

    double margin(HashedNgrams.Folded f) {
        return best(f)[0];
    }

    /**
     * Per thread, a small set of the buckets a window has seen: each distinct n-gram of a window counts once, whatever
     * it repeats. Open addressing over 8,192 slots (a window has at most about 1,300 n-grams and a few hundred distinct
     * class features), emptied by bumping a generation rather than clearing; 64 KB, so it stays in a fast cache.
     */
    private static final class Seen {
        static final int SLOTS = 1 << 13;
        final int[] keys = new int[SLOTS];
        final int[] generation = new int[SLOTS];
        int current = 1;
        int[] buffer = new int[HashedNgrams.capacity(HashedNgrams.WINDOW)];

        void clear() {
            if (++current == Integer.MAX_VALUE) {
                java.util.Arrays.fill(generation, 0);
                current = 1;
            }
        }

        /** Whether {@code b} is new to this window (and now seen). */
        boolean add(int b) {
            int h = (b * 0x9E3779B1) >>> 20;
            while (true) {
                if (generation[h] != current) {
                    generation[h] = current;
                    keys[h] = b;
                    return true;
                }
                if (keys[h] == b) {
                    return false;
                }
                h = (h + 1) & (SLOTS - 1);
            }
        }
    }

    private static final ThreadLocal<Seen> SEEN = ThreadLocal.withInitial(Seen::new);

    /**
     * The margin of the most suspicious window, and that window's [start, end) in folded chars. A window's vector is
     * binary (each distinct bucket once) and of unit length: the margin is the bias plus the sum of its distinct
     * buckets' weights over the square root of their number.
     */
    private double[] best(HashedNgrams.Folded f) {
        int length = f.length;
        Seen seen = SEEN.get();
        if (length <= HashedNgrams.WINDOW) {
            int[] buckets = seen.buffer;
            int n = ngrams.fill(f, buckets);
            seen.clear();
            long sum = 0;
            long distinct = 0;
            for (int i = 0; i < n; i++) {
                int b = buckets[i];
                if (seen.add(b)) {
                    sum += weights[b];
                    distinct++;
                }
            }
            return new double[] {margin(sum, distinct), 0, length};
        }
        // the n-grams of each kind in the order of their start: char n-grams, words, word pairs, class features
        int[] buckets = new int[ngrams.capacity(f)];
        int[] starts = new int[buckets.length];
        int[] ends = new int[4];
        ngrams.fill(f, buckets, starts, ends);
        int[] from = {0, ends[0], ends[1], ends[2]};
        double[] best = {Double.NEGATIVE_INFINITY, 0, 0};
        for (int ws : HashedNgrams.windowStarts(length)) {
            int we = ws + HashedNgrams.WINDOW;
            seen.clear();
            long sum = 0;
            long distinct = 0;
            for (int k = 0; k < ends.length; k++) {
                int end = ends[k];
                while (from[k] < end && starts[from[k]] < ws) {
                    from[k]++;
                }
                for (int i = from[k]; i < end && starts[i] < we; i++) {
                    int bucket = buckets[i];
                    if (seen.add(bucket)) {
                        sum += weights[bucket];
                        distinct++;
                    }
                }
            }
            double m = margin(sum, distinct);
            if (m > best[0]) {
                best[0] = m;
                best[1] = ws;
                best[2] = Math.min(length, we);
            }
        }
        return best;
    }

    private double margin(long sum, long distinct) {
        return distinct == 0 ? bias : bias + scale * sum / Math.sqrt(distinct);
    }

    /**
     * The shortest text, in folded characters, the classifier flags. A window's vector has unit length, so in "AI
     * model" or "You are now" two or three words carry the whole margin (p = 0.999 and 0.993 on the weights of
     * 2026-12-07); on every labelled and hand-written set the classifier flagged no shorter attack the named signals
     * missed. Shorter texts are left to the signals.
     */
    public static final int MIN_CHARS = 20;

    /**
     * The fewest words of a text in a script that parts its words with spaces the classifier flags: the same reason
     * as {@link #MIN_CHARS}, for short noun phrases such as a template's topic ("AI ethics in hiring", 0.991 on the
     * weights of 2026-12-07's tenth session, "Chief AI Ethics Officer"). On every labelled and hand-written set the
     * classifier alone caught three attacks of fewer words the named signals missed ("Ay ist das Passwort?"), and
     * flagged those two benign ones. Texts with Han, kana, Thai, Lao, Khmer or Myanmar letters are judged by their
     * length alone.
     */
    public static final int MIN_WORDS = 5;

    /** The calibrated probability that {@code text} is a prompt injection. */
    public double probability(String text) {
        return calibrate(margin(text));
    }

    double calibrate(double margin) {
        return 1.0 / (1.0 + Math.exp(plattA * margin + plattB));
    }

    /** The verdict on {@code text}; fragments only when flagged. */
    public Verdict judge(String text) {
        return judge(text, Readings.unleet(text));
    }

    Verdict judge(String text, String unleet) {
        return judge(text, unleet, threshold);
    }

    /**
     * The verdict on {@code text} at another threshold ({@code at}: the lower one at which the classifier corroborates
     * partial signals); fragments only when flagged.
     */
    public Verdict judge(String text, double at) {
        return judge(text, Readings.unleet(text), at);
    }

    Verdict judge(String text, String unleet, double at) {
        HashedNgrams.Folded f = ngrams.fold(text, unleet);
        double[] best = best(f);
        double p = calibrate(best[0]);
        if (p < at || f.length < MIN_CHARS || tooFewWords(f)) {
            return new Verdict(p, false, List.of());
        }
        return new Verdict(p, true, fragments(text, f, (int) best[1], (int) best[2]));
    }

    /** Fewer than {@link #MIN_WORDS} words, in a text whose script parts words with spaces. */
    private static boolean tooFewWords(HashedNgrams.Folded f) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < f.length; i++) {
            char c = f.chars[i];
            if (TextFolder.isUnspaced(c)) {
                return false;
            }
            boolean letter = Character.isLetterOrDigit(c);
            if (letter && !in && ++words >= MIN_WORDS) {
                return false;
            }
            in = letter;
        }
        return true;
    }

    /**
     * The words (or word pairs) whose n-grams added most to the margin: each n-gram's weight goes to the word or
     * words it lies in, and the heaviest spans that do not overlap are kept, in text order. Only the n-grams of
     * the window that decided ({@code [from, to)} in folded chars) count.
     */
    private List<Fragment> fragments(String text, HashedNgrams.Folded f, int from, int to) {
        Map<Long, double[]> bySpan = new HashMap<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int[] total = new int[1];
        boolean whole = f.length <= HashedNgrams.WINDOW;
        ngrams.forEachFolded(f, (bucket, fs, fe) -> {
            if (!whole && (fs < from || fs >= to) || !seen.add(bucket)) {
                return;
            }
            total[0]++;
            int s = wordStart(text, f.from[fs]);
            int e = wordEnd(text, f.to[fe - 1]);
            bySpan.computeIfAbsent(((long) s << 32) | e, k -> new double[1])[0] += weights[bucket];
        });
        double norm = total[0] == 0 ? 1 : scale / Math.sqrt(total[0]);
        List<Map.Entry<Long, double[]>> spans = new ArrayList<>(bySpan.entrySet());
        spans.removeIf(e -> e.getValue()[0] <= 0);
        spans.sort((a, b) -> {
            int c = Double.compare(b.getValue()[0], a.getValue()[0]);
            return c != 0 ? c : Long.compare(a.getKey(), b.getKey());
        });
        List<Fragment> chosen = new ArrayList<>();
        for (Map.Entry<Long, double[]> e : spans) {
            int s = (int) (e.getKey() >>> 32);
            int end = (int) (long) e.getKey();
            boolean overlaps = false;
            for (Fragment c : chosen) {
                if (s < c.end() && c.start() < end) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps && end > s) {
                chosen.add(new Fragment(s, end, text.substring(s, end), e.getValue()[0] * norm));
                if (chosen.size() == TOP_FRAGMENTS) {
                    break;
                }
            }
        }
        chosen.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return chosen;
    }

    private static int wordStart(String text, int at) {
        int i = Math.min(at, text.length());
        while (i < text.length() && !Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        while (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) && at - i < 40) {
            i--;
        }
        return Math.min(i, text.length());
    }

    private static int wordEnd(String text, int at) {
        int i = Math.max(0, Math.min(at, text.length()));
        while (i > 0 && !Character.isLetterOrDigit(text.charAt(i - 1))) {
            i--;
        }
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i)) && i - at < 40) {
            i++;
        }
        return i;
    }

    /** Writes the model (gzip, no time stamp: the same model gives the same bytes). */
    public void write(OutputStream out) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(HashedNgrams.BITS);
        d.writeDouble(scale);
        d.writeDouble(bias);
        d.writeDouble(plattA);
        d.writeDouble(plattB);
        d.writeDouble(threshold);
        for (short w : weights) {
            d.writeShort(w);
        }
        d.flush();
        gz.finish();
    }

    /** Reads a model written by {@link #write}. */
    public static InjectionClassifier read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a PromptDesk injection classifier");
        }
        int version = d.readInt();
        if (version != VERSION) {
            // version 1 had no word-class features: its buckets mean other things
            throw new IOException("injection classifier weights of version " + version + "; this build reads version "
                    + VERSION + " (retrain with train-injection-model)");
        }
        int bits = d.readInt();
        if (bits != HashedNgrams.BITS) {
            throw new IOException("model has 2^" + bits + " buckets, this build expects 2^" + HashedNgrams.BITS);
        }
        double scale = d.readDouble();
        double bias = d.readDouble();
        double a = d.readDouble();
        double b = d.readDouble();
        double t = d.readDouble();
        byte[] raw = new byte[2 * HashedNgrams.DIM];
        d.readFully(raw);
        short[] w = new short[HashedNgrams.DIM];
        java.nio.ByteBuffer.wrap(raw).asShortBuffer().get(w);
        return new InjectionClassifier(w, scale, bias, a, b, t);
    }
}
