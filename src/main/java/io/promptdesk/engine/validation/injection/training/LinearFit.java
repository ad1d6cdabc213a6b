package io.promptdesk.engine.validation.injection.training;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.promptdesk.engine.validation.injection.HashedNgrams;
import io.promptdesk.engine.validation.injection.InjectionClassifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training rows as the classifier reads them - hashed n-gram vectors of unit length, by window - and liblinear's
 * logistic regression on them. Each row's vectors are computed once and kept: the shipped model, its folds and every
 * leave-one-source-out model train on the same rows. {@link #fit} may run on several threads once every row it is
 * given has been through {@link #examples}.
 */
final class LinearFit {

    /** At most this many copies of a row when balancing a source's classes. */
    static final int MAX_REPEAT = 8;

    /**
     * How many times more a hand-written benign text weighs than its source's balance gives it: three (against one,
     * in-distribution recall 0.633 against 0.621 at the same threshold, and one of the hand-written test part's 252
     * benign texts flagged by the classifier against two).
     */
    static final int HARD_NEGATIVE_REPEAT = 3;

    private final HashedNgrams ngrams = new HashedNgrams();

    /** One vector per window of the text (one for a short text), as the classifier reads them. */
    private List<Feature[]> vectors(String text) {
        List<Feature[]> windows = new ArrayList<>();
        for (int[] window : ngrams.windowBuckets(text)) {
            windows.add(vector(window));
        }
        return windows;
    }

    /** Binary and of unit length: each distinct bucket once, 1 over the square root of their number. */
    private static Feature[] vector(int[] buckets) {
        int[] b = Arrays.stream(buckets).sorted().distinct().toArray();
        Feature[] out = new Feature[b.length + 1];
        double value = b.length == 0 ? 0 : 1 / Math.sqrt(b.length);
        for (int i = 0; i < b.length; i++) {
            out[i] = new FeatureNode(b[i] + 1, value);
        }
        out[b.length] = new FeatureNode(HashedNgrams.DIM + 1, 1.0);
        return out;
    }

    private final Map<Row, List<Feature[]>> exampleCache = new HashMap<>();

    /**
     * What a row is trained as: every window of a benign text is benign; an attack is one example, the windows that
     * hold the planted instruction where the set says where it is (BIPIA), else the whole text.
     */
    List<Feature[]> examples(Row r) {
        List<Feature[]> cached = exampleCache.get(r);
        if (cached == null) {
            cached = r.injection() ? attackExamples(r) : vectors(r.text());
            exampleCache.put(r, cached);
        }
        return cached;
    }

    private List<Feature[]> attackExamples(Row r) {
        int at = r.attack() == null || r.attack().isEmpty() ? -1 : r.text().indexOf(r.attack());
        if (at < 0) {
            return List.<Feature[]>of(whole(r.text()));
        }
        List<Feature[]> out = new ArrayList<>();
        for (int[] w : ngrams.windowBuckets(r.text(), at, at + r.attack().length())) {
            out.add(vector(w));
        }
        return out.isEmpty() ? List.<Feature[]>of(whole(r.text())) : out;
    }

    /** The whole text as one vector (an attack: which of its windows holds the attack is not known). */
    private Feature[] whole(String text) {
        List<int[]> windows = ngrams.windowBuckets(text);
        if (windows.size() == 1) {
            return vector(windows.get(0));
        }
        // windows overlap; the whole text's n-grams are the union of the windows' by n-gram start
        IntList all = new IntList();
        ngrams.buckets(text, all::add);
        return vector(all.sorted());
    }

    private static final class IntList {
        int[] a = new int[256];
        int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = x;
        }

        int[] sorted() {
            int[] s = Arrays.copyOf(a, n);
            Arrays.sort(s);
            return s;
        }
    }

    /** A fitted linear model (positive margin: injection) and the examples it was fit on. */
    record Fit(double[] weights, double bias, int pos, int neg) {
        /** With the int16 weights the model ships with, uncalibrated. */
        InjectionClassifier raw() {
            return new InjectionClassifier(weights, bias, -1, 0, 0.5);
        }
    }

    /**
     * L2-regularised logistic regression (liblinear's primal Newton solver, which draws no random numbers) on
     * {@code rows}, the classes weighed equally.
     */
    Fit fit(List<Row> rows, double c) {
        // Within each source the two classes weigh the same: the minority class's rows are repeated (liblinear
        // has no instance weights), up to MAX_REPEAT times. BIPIA, say, plants its 450 e-mail attacks in 78
        // e-mails: without this the e-mails themselves would read as attacks.
        Map<String, int[]> perSource = new HashMap<>();
        for (Row r : rows) {
            perSource.computeIfAbsent(r.source(), k -> new int[2])[r.injection() ? 1 : 0]++;
        }
        List<Feature[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int pos = 0;
        int neg = 0;
        for (Row r : rows) {
            int[] n = perSource.get(r.source());
            int mine = n[r.injection() ? 1 : 0];
            int other = n[r.injection() ? 0 : 1];
            int repeat = other == 0 ? 1 : (int) Math.max(1, Math.min(MAX_REPEAT, Math.round((double) other / mine)));
            if (!r.injection() && r.source().equals(InjectionModelTrainer.HANDWRITTEN)) {
                // the hand-written everyday texts were written beside the attacks, in their words: hard negatives
                repeat *= HARD_NEGATIVE_REPEAT;
            }
            List<Feature[]> examples = examples(r);
            for (int k = 0; k < repeat; k++) {
                for (Feature[] x : examples) {
                    xs.add(x);
                    ys.add(r.injection() ? 1.0 : 0.0);
                }
            }
            if (r.injection()) {
                pos += repeat * examples.size();
            } else {
                neg += repeat * examples.size();
            }
        }
        Problem p = new Problem();
        p.l = xs.size();
        p.n = HashedNgrams.DIM + 1;
        p.bias = 1.0;
        p.x = xs.toArray(new Feature[0][]);
        p.y = new double[xs.size()];
        for (int i = 0; i < p.y.length; i++) {
            p.y[i] = ys.get(i);
        }
        Parameter param = new Parameter(SolverType.L2R_LR, c, 0.001);
        // Balance the classes: each class weighs as much as the other in the loss.
        param.setWeights(new double[]{1.0, (double) neg / Math.max(1, pos)}, new int[]{0, 1});
        Linear.disableDebugOutput();
        Model m = Linear.train(p, param);
        double[] w = m.getFeatureWeights();
        // liblinear orders weights by its first-seen label; make positive mean injection
        int[] labels = m.getLabels();
        double sign = labels[0] == 1 ? 1 : -1;
        double[] weights = new double[HashedNgrams.DIM];
        for (int i = 0; i < HashedNgrams.DIM; i++) {
            weights[i] = sign * w[i];
        }
        double bias = sign * w[HashedNgrams.DIM] * p.bias;
        return new Fit(weights, bias, pos, neg);
    }
}
