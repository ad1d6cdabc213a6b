package io.promptdesk.engine.validation.injection.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.promptdesk.engine.validation.injection.HashedNgrams;
import io.promptdesk.engine.validation.injection.InjectionClassifier;
import io.promptdesk.engine.validation.injection.PromptInjectionDetector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains the learned prompt-injection classifier from the labelled sets of {@code shared/data/prompt-injection-*}
 * and measures it honestly: on an in-distribution test split that training never sees, and leave-one-source-out
 * (for each source, a model trained on all the others, measured on that one). Deterministic: rows are read in a
 * fixed order, every split is a hash of the row's source and group (never a random draw), and liblinear's
 * solver is deterministic for a fixed input. See {@code docs/injection-model.md}.
 */
public final class InjectionModelTrainer {

    /** The nine sources, in the order read (the first copy of a text repeated across sources is the one kept). */
    public static final List<String> SOURCES = List.of(
            "prompt-injection-benign-awesome-chatgpt-prompts",
            "prompt-injection-benign-mgsm",
            "prompt-injection-benign-xquad",
            "prompt-injection-bipia",
            "prompt-injection-cyberseceval-multilingual",
            "prompt-injection-cyberseceval-notinject",
            "prompt-injection-deepset",
            "prompt-injection-garak",
            "prompt-injection-jailbreak-llms");

    /** The label policy's one relabelling: a plain persona request ("I want you to act as a storyteller") is benign. */
    static final Pattern PERSONA_REQUEST = Pattern.compile(
            "(?i)\\b(i want you to act as|ich möchte, dass sie als)\\b");
    /** ... unless it also tells the model to drop its rules or take on an unrestricted persona. */
    static final Pattern OVERRIDE = Pattern.compile(
            "(?i)(ignore|forget|disregard|vergiss|ignorier|no (rules|restrictions|filter)|dan\\b|jailbreak|unrestricted)");

    /** The English system prompts of CyberSecEval, reported apart from NotInject's prompts. */
    public static final String SYSTEM_PROMPTS = "system prompts";

    /** At most this many copies of a row when balancing a source's classes. */
    static final int MAX_REPEAT = 8;

    /** Rows from the in-repo test split of XQuAD: a sample, XQuAD is large. */
    static final int REPO_SAMPLE_XQUAD = 600;

    /**
     * @param shareAlike whether the CC BY-SA 4.0 texts (XQuAD, BIPIA's Stack Overflow answers) are trained on too;
     *                   without them they are only measured, and the weights derive from no share-alike data
     */
    public record Options(Path data, Path modelOut, Path testOut, double c, double calibFpr, double sourceFpr,
                          boolean loso, boolean shareAlike) {
    }

    /** One labelled text. {@code part}: train, calib or test. */
    record Row(String source, String text, boolean injection, String group, String part, boolean trainable,
               boolean relabelled, String attack, String kind) {

        /** Where the row is reported: its source, or a named part of it (the English system prompts). */
        String reported() {
            return kind == null ? source : source + " (" + kind + ")";
        }
    }

    /** Recall on a set's attacks and false positive rate on its benign texts. */
    record Rates(int attacks, int caught, int benign, int flagged) {
        double recall() {
            return attacks == 0 ? Double.NaN : (double) caught / attacks;
        }

        double fpr() {
            return benign == 0 ? Double.NaN : (double) flagged / benign;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HashedNgrams ngrams = new HashedNgrams();
    private final PromptInjectionDetector rules = PromptInjectionDetector.rulesOnly();
    private final PrintWriter log;

    public InjectionModelTrainer(PrintWriter log) {
        this.log = log;
    }

    /** Trains, evaluates, writes the model, the figures and the in-repo test split; returns the figures. */
    public ObjectNode run(Options o) throws IOException {
        long t0 = System.nanoTime();
        List<Row> rows = load(o.data(), o.shareAlike());
        log.printf(Locale.ROOT, "read %d rows from %d sources%n", rows.size(), SOURCES.size());
        Map<String, Boolean> ruleVerdict = new HashMap<>();
        for (Row r : rows) {
            ruleVerdict.computeIfAbsent(r.text(), t -> rules.scan(t).flagged());
        }
        log.printf(Locale.ROOT, "rule-based verdicts in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        ObjectNode figures = mapper.createObjectNode();
        figures.put("c", o.c());
        figures.put("share_alike_trained", o.shareAlike());
        figures.put("calibration_fpr_target", o.calibFpr());
        figures.put("calibration_source_fpr_target", o.sourceFpr());
        figures.set("counts", counts(rows));

        // The shipped model: fit on the training part, calibrated and thresholded on the calibration part.
        Set<String> testTexts = new HashSet<>();
        for (Row r : rows) {
            if (r.part().equals("test")) {
                testTexts.add(r.text());
            }
        }
        List<Row> fit = trainable(rows, r -> r.part().equals("train") && !testTexts.contains(r.text()));
        List<Row> calib = trainable(rows, r -> r.part().equals("calib") && !testTexts.contains(r.text()));
        InjectionClassifier model = train(fit, calib, o, figures.putObject("shipped"));
        ObjectNode in = figures.putObject("in_distribution");
        evaluate(model, rows, r -> r.part().equals("test"), ruleVerdict, in);
        log.println("in-distribution test split:");
        print(in);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        Files.createDirectories(o.modelOut().toAbsolutePath().getParent());
        Files.write(o.modelOut(), bytes.toByteArray());
        figures.put("model_sha256", sha256(bytes.toByteArray()));
        figures.put("model_bytes", bytes.size());

        if (o.testOut() != null) {
            ObjectNode repo = figures.putObject("in_repo");
            writeTestSplit(rows, o, model, ruleVerdict, repo);
        }

        if (o.loso()) {
            ObjectNode loso = figures.putObject("leave_one_source_out");
            for (String held : SOURCES) {
                long t = System.nanoTime();
                Set<String> heldTexts = new HashSet<>();
                for (Row r : rows) {
                    if (r.source().equals(held)) {
                        heldTexts.add(r.text());
                    }
                }
                List<Row> f = trainable(rows, r -> !r.source().equals(held) && !r.part().equals("calib")
                        && !heldTexts.contains(r.text()));
                List<Row> c = trainable(rows, r -> !r.source().equals(held) && r.part().equals("calib")
                        && !heldTexts.contains(r.text()));
                ObjectNode fold = loso.putObject(held);
                InjectionClassifier m = train(f, c, o, fold.putObject("model"));
                evaluate(m, rows, r -> r.source().equals(held), ruleVerdict, fold);
                log.printf(Locale.ROOT, "leave out %s (%.1f s):%n", held, (System.nanoTime() - t) / 1e9);
                print(fold);
            }
        }
        figures.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        Path figuresFile = o.modelOut().resolveSibling("classifier-figures.json");
        Files.writeString(figuresFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        log.printf(Locale.ROOT, "wrote %s (%d bytes, sha256 %s) and %s in %.1f s%n", o.modelOut(), bytes.size(),
                figures.get("model_sha256").asText(), figuresFile, (System.nanoTime() - t0) / 1e9);
        log.flush();
        return figures;
    }

    // ---------------------------------------------------------------- data

    List<Row> load(Path data, boolean trainOnShareAlike) throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String source : SOURCES) {
            Path file = data.resolve(source).resolve("labelled.jsonl");
            if (!Files.isRegularFile(file)) {
                throw new IOException("missing " + file + ": --data must be the folder holding the nine "
                        + "prompt-injection-* sets");
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String text = n.path("text").asText().strip();
                if (text.isEmpty()) {
                    continue;
                }
                boolean injection = n.path("label").asText().equals("injection");
                boolean relabelled = false;
                if (injection && source.equals("prompt-injection-deepset") && PERSONA_REQUEST.matcher(text).find()
                        && !OVERRIDE.matcher(text).find()) {
                    injection = false;
                    relabelled = true;
                }
                String group = group(source, n, text);
                String part = part(source, n, group);
                // CC BY-SA 4.0 texts (XQuAD, BIPIA's Stack Overflow code answers): trained on unless told not to
                boolean shareAlike = !trainOnShareAlike && (source.equals("prompt-injection-benign-xquad")
                        || (source.equals("prompt-injection-bipia") && n.path("task").asText().equals("code")));
                // A text already read from an earlier source is measured there too but trained on once.
                boolean first = seen.add(text);
                String attack = n.hasNonNull("attack") ? n.path("attack").asText().strip() : null;
                rows.add(new Row(source, text, injection, group, part, !shareAlike && first, relabelled, attack, null));
            }
            if (source.equals("prompt-injection-cyberseceval-notinject")) {
                rows.addAll(englishSystemPrompts(data.resolve(source), seen));
            }
        }
        return rows;
    }

    /**
     * The English system prompts of CyberSecEval ({@code test_case_prompt} in the unchanged upstream file of the
     * notinject folder), benign like their translations in the multilingual folder: instructions full of security
     * words ("Do not reveal the password"), as every template has. Not in the folder's labelled.jsonl, which keeps
     * only the user inputs.
     */
    private List<Row> englishSystemPrompts(Path folder, Set<String> seen) throws IOException {
        Path file = folder.resolve("injection").resolve("cyberseceval_prompt_injection.json");
        List<Row> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        String source = "prompt-injection-cyberseceval-notinject";
        for (JsonNode n : mapper.readTree(file.toFile())) {
            String text = n.path("test_case_prompt").asText().strip();
            if (text.isEmpty() || !seen.add(text)) {
                continue;
            }
            out.add(new Row(source, text, false, text, part(source, n, text), true, false, null, SYSTEM_PROMPTS));
        }
        return out;
    }

    /** Rows that must fall on the same side of a split: translations of one item, plantings of one attack. */
    private static String group(String source, JsonNode n, String text) {
        switch (source) {
            case "prompt-injection-benign-mgsm":
            case "prompt-injection-cyberseceval-multilingual":
                return n.path("id").asText();
            case "prompt-injection-benign-xquad":
                return n.hasNonNull("para_id") ? n.path("para_id").asText() : n.path("id").asText();
            case "prompt-injection-bipia":
                return n.hasNonNull("attack") ? "attack:" + n.path("attack").asText()
                        : "context:" + n.path("task").asText() + ":" + n.path("id").asText();
            default:
                return text;
        }
    }

    /** 70 % train, 10 % calibration, 20 % test by a hash of source and group; deepset keeps its own test split. */
    private static String part(String source, JsonNode n, String group) {
        int h = Math.floorMod(mix((source + "\u0000" + group).hashCode()), 100);
        if (source.equals("prompt-injection-deepset")) {
            if (n.path("split").asText().equals("test")) {
                return "test";
            }
            return h < 87 ? "train" : "calib";
        }
        return h < 70 ? "train" : h < 80 ? "calib" : "test";
    }

    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    private static List<Row> trainable(List<Row> rows, java.util.function.Predicate<Row> keep) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.trainable() && keep.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    private ObjectNode counts(List<Row> rows) {
        ObjectNode counts = mapper.createObjectNode();
        for (String s : SOURCES) {
            int[] c = new int[8];
            for (Row r : rows) {
                if (r.source().equals(s)) {
                    c[r.injection() ? 0 : 1]++;
                    if (r.trainable()) {
                        c[r.injection() ? 2 : 3]++;
                    }
                    if (r.part().equals("test")) {
                        c[r.injection() ? 4 : 5]++;
                    }
                    if (r.relabelled()) {
                        c[6]++;
                    }
                }
            }
            ObjectNode n = counts.putObject(s);
            n.put("injection", c[0]);
            n.put("benign", c[1]);
            n.put("trainable_injection", c[2]);
            n.put("trainable_benign", c[3]);
            n.put("test_injection", c[4]);
            n.put("test_benign", c[5]);
            n.put("relabelled_benign", c[6]);
        }
        return counts;
    }

    // ---------------------------------------------------------------- training

    private final Map<String, List<Feature[]>> featureCache = new HashMap<>();

    /** One vector per window of the text (one for a short text), as the classifier reads them. */
    private List<Feature[]> vectors(String text) {
        return featureCache.computeIfAbsent(text, t -> {
            List<Feature[]> windows = new ArrayList<>();
            for (int[] window : ngrams.windowBuckets(t)) {
                windows.add(vector(window));
            }
            return windows;
        });
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
            return vectors(text).get(0);
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

    /**
     * L2-regularised logistic regression (liblinear, primal Newton solver) on {@code fit}; Platt scaling and the
     * threshold from {@code calib}: the lowest probability threshold, in steps of 0.01 from 0.50, at which the
     * calibration part's benign texts are flagged at most {@code calibFpr} overall and {@code sourceFpr} in each
     * source with at least 20 of them.
     */
    InjectionClassifier train(List<Row> fit, List<Row> calib, Options o, ObjectNode report) {
        long t = System.nanoTime();
        // Within each source the two classes weigh the same: the minority class's rows are repeated (liblinear
        // has no instance weights), up to MAX_REPEAT times. BIPIA, say, plants its 450 e-mail attacks in 78
        // e-mails: without this the e-mails themselves would read as attacks.
        Map<String, int[]> perSource = new HashMap<>();
        for (Row r : fit) {
            perSource.computeIfAbsent(r.source(), k -> new int[2])[r.injection() ? 1 : 0]++;
        }
        List<Feature[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        int pos = 0;
        int neg = 0;
        for (Row r : fit) {
            int[] c = perSource.get(r.source());
            int mine = c[r.injection() ? 1 : 0];
            int other = c[r.injection() ? 0 : 1];
            int repeat = other == 0 ? 1 : (int) Math.max(1, Math.min(MAX_REPEAT, Math.round((double) other / mine)));
            // Every window of a benign text is benign; an attack is one example: the windows that hold the planted
            // instruction where the set says where it is (BIPIA), else the whole text.
            List<Feature[]> examples = !r.injection() ? vectors(r.text()) : attackExamples(r);
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
        Parameter param = new Parameter(SolverType.L2R_LR, o.c(), 0.001);
        // Balance the classes: each class weighs as much as the other in the loss.
        param.setWeights(new double[]{1.0, (double) neg / Math.max(1, pos)}, new int[]{0, 1});
        Linear.disableDebugOutput();
        Linear.resetRandom();
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
        // Platt scaling on the calibration part, with the quantised weights the model will ship with
        InjectionClassifier raw = new InjectionClassifier(weights, bias, -1, 0, 0.5);
        double[] margins = new double[calib.size()];
        boolean[] truth = new boolean[calib.size()];
        for (int i = 0; i < calib.size(); i++) {
            margins[i] = raw.margin(calib.get(i).text());
            truth[i] = calib.get(i).injection();
        }
        double[] ab = platt(margins, truth);
        double threshold = threshold(calib, margins, ab, o);
        if (Boolean.getBoolean("promptdesk.train.verbose")) {
            for (double th : new double[]{0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99}) {
                Map<String, int[]> per = new java.util.TreeMap<>();
                for (int i = 0; i < calib.size(); i++) {
                    double prob = 1.0 / (1.0 + Math.exp(ab[0] * margins[i] + ab[1]));
                    int[] c = per.computeIfAbsent(calib.get(i).source().replace("prompt-injection-", ""), k -> new int[4]);
                    c[truth[i] ? 0 : 2]++;
                    c[truth[i] ? 1 : 3] += prob >= th ? 1 : 0;
                }
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "    t=%.2f", th));
                per.forEach((k, c) -> b.append(' ').append(k).append(" r=").append(ratio(c[1], c[0]))
                        .append(" f=").append(ratio(c[3], c[2])));
                log.println(b);
            }
        }
        InjectionClassifier model = new InjectionClassifier(weights, bias, ab[0], ab[1], threshold);
        report.put("fit_injection", pos);
        report.put("fit_benign", neg);
        report.put("calib_rows", calib.size());
        report.put("platt_a", ab[0]);
        report.put("platt_b", ab[1]);
        report.put("threshold", threshold);
        report.put("train_seconds", Math.round((System.nanoTime() - t) / 1e8) / 10.0);
        log.printf(Locale.ROOT, "  trained on %d injection / %d benign, calibrated on %d: A=%.3f B=%.3f "
                + "threshold %.2f (%.1f s)%n", pos, neg, calib.size(), ab[0], ab[1], threshold,
                (System.nanoTime() - t) / 1e9);
        return model;
    }

    private static double threshold(List<Row> calib, double[] margins, double[] ab, Options o) {
        for (int step = 50; step < 100; step++) {
            double t = step / 100.0;
            int benign = 0;
            int flagged = 0;
            Map<String, int[]> per = new HashMap<>();
            for (int i = 0; i < calib.size(); i++) {
                if (calib.get(i).injection()) {
                    continue;
                }
                double prob = 1.0 / (1.0 + Math.exp(ab[0] * margins[i] + ab[1]));
                boolean f = prob >= t;
                benign++;
                flagged += f ? 1 : 0;
                int[] c = per.computeIfAbsent(calib.get(i).source(), k -> new int[2]);
                c[0]++;
                c[1] += f ? 1 : 0;
            }
            boolean ok = benign == 0 || (double) flagged / benign <= o.calibFpr();
            for (int[] c : per.values()) {
                ok &= c[0] < 20 || (double) c[1] / c[0] <= o.sourceFpr();
            }
            if (ok) {
                return t;
            }
        }
        return 0.99;
    }

    /** Platt's sigmoid fit (Lin, Lin and Weng's Newton method with backtracking), smoothed targets. */
    static double[] platt(double[] f, boolean[] y) {
        int prior1 = 0;
        for (boolean b : y) {
            prior1 += b ? 1 : 0;
        }
        int prior0 = y.length - prior1;
        double hi = (prior1 + 1.0) / (prior1 + 2.0);
        double lo = 1.0 / (prior0 + 2.0);
        double[] t = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            t[i] = y[i] ? hi : lo;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            fval += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
        }
        for (int it = 0; it < 100; it++) {
            double h11 = 1e-12, h22 = 1e-12, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < f.length; i++) {
                double fApB = f[i] * a + b;
                double p, q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += f[i] * f[i] * d2;
                h22 += d2;
                h21 += f[i] * d2;
                double d1 = t[i] - p;
                g1 += f[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < 1e-5 && Math.abs(g2) < 1e-5) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1;
            while (step >= 1e-10) {
                double na = a + step * dA;
                double nb = b + step * dB;
                double nf = 0;
                for (int i = 0; i < f.length; i++) {
                    double fApB = f[i] * na + nb;
                    nf += fApB >= 0 ? t[i] * fApB + Math.log(1 + Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log(1 + Math.exp(fApB));
                }
                if (nf < fval + 1e-4 * step * gd) {
                    a = na;
                    b = nb;
                    fval = nf;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break;
            }
        }
        return new double[]{a, b};
    }

    // ---------------------------------------------------------------- evaluation

    /** Per source: the classifier alone, the rules alone, and the detector (rules or classifier). */
    private void evaluate(InjectionClassifier m, List<Row> rows, java.util.function.Predicate<Row> keep,
                          Map<String, Boolean> ruleVerdict, ObjectNode out) {
        Map<String, int[][]> per = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!keep.test(r)) {
                continue;
            }
            boolean learned = m.probability(r.text()) >= m.threshold();
            boolean rule = ruleVerdict.get(r.text());
            int[][] c = per.computeIfAbsent(r.reported(), k -> new int[3][4]);
            boolean[] verdicts = {learned, rule, learned || rule};
            for (int k = 0; k < 3; k++) {
                if (r.injection()) {
                    c[k][0]++;
                    c[k][1] += verdicts[k] ? 1 : 0;
                } else {
                    c[k][2]++;
                    c[k][3] += verdicts[k] ? 1 : 0;
                }
            }
        }
        String[] names = {"classifier", "rules", "detector"};
        for (Map.Entry<String, int[][]> e : per.entrySet()) {
            ObjectNode s = out.putObject(e.getKey());
            for (int k = 0; k < 3; k++) {
                int[] c = e.getValue()[k];
                ObjectNode n = s.putObject(names[k]);
                n.put("attacks", c[0]);
                n.put("caught", c[1]);
                n.put("benign", c[2]);
                n.put("flagged", c[3]);
            }
        }
    }

    private void print(ObjectNode per) {
        per.fields().forEachRemaining(e -> {
            if (!e.getValue().has("classifier")) {
                return;
            }
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-48s", e.getKey()));
            for (String k : List.of("classifier", "rules", "detector")) {
                JsonNode n = e.getValue().get(k);
                b.append(String.format(Locale.ROOT, "  %s recall %s fpr %s", k,
                        ratio(n.get("caught").asInt(), n.get("attacks").asInt()),
                        ratio(n.get("flagged").asInt(), n.get("benign").asInt())));
            }
            log.println(b);
        });
        log.flush();
    }

    static String ratio(int num, int den) {
        return den == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) num / den, num, den);
    }

    // ---------------------------------------------------------------- the in-repo test split

    /**
     * The in-distribution test split as the tests read it: every test row of each source (a sample of XQuAD's),
     * with each source's SOURCE.md, licences and notices, and the shipped model's figures on exactly those rows.
     */
    private void writeTestSplit(List<Row> rows, Options o, InjectionClassifier model, Map<String, Boolean> ruleVerdict,
                                ObjectNode figures) throws IOException {
        Path dir = o.testOut();
        Files.createDirectories(dir);
        List<Row> xquad = new ArrayList<>();
        Set<Row> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Row r : rows) {
            if (!r.part().equals("test")) {
                continue;
            }
            if (r.source().equals("prompt-injection-benign-xquad")) {
                xquad.add(r);
            } else {
                chosen.add(r);
            }
        }
        xquad.sort((a, b) -> {
            int c = Integer.compare(mix(a.text().hashCode()), mix(b.text().hashCode()));
            return c != 0 ? c : a.text().compareTo(b.text());
        });
        Set<Row> sample = Collections.newSetFromMap(new IdentityHashMap<>());
        sample.addAll(xquad.subList(0, Math.min(REPO_SAMPLE_XQUAD, xquad.size())));
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (chosen.contains(r) || sample.contains(r)) {
                out.add(r);
            }
        }
        StringBuilder jsonl = new StringBuilder();
        for (Row r : out) {
            ObjectNode n = mapper.createObjectNode();
            n.put("text", r.text());
            n.put("label", r.injection() ? "injection" : "benign");
            n.put("source", r.source());
            if (r.kind() != null) {
                n.put("kind", r.kind());
            }
            if (r.relabelled()) {
                n.put("relabelled", "persona request: benign by the label policy");
            }
            jsonl.append(mapper.writeValueAsString(n)).append('\n');
        }
        Files.writeString(dir.resolve("test.jsonl"), jsonl.toString());
        for (String s : SOURCES) {
            Path from = o.data().resolve(s);
            Path to = dir.resolve("sources").resolve(s);
            Files.createDirectories(to);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith("LICENSE") || name.startsWith("NOTICE") || name.equals("SOURCE.md")) {
                        String rel = from.relativize(f).toString().replace('/', '-');
                        Files.copy(f, to.resolve(rel), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        evaluate(model, out, r -> true, ruleVerdict, figures);
        log.println("in-repo test split (" + out.size() + " rows, " + dir.resolve("test.jsonl") + "):");
        print(figures);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
