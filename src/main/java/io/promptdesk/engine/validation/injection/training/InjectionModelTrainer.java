package io.promptdesk.engine.validation.injection.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.injection.HashedNgrams;
import io.promptdesk.engine.validation.injection.InjectionClassifier;
import io.promptdesk.engine.validation.injection.PromptInjectionDetector;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains the learned prompt-injection classifier from the labelled sets of {@code shared/data/prompt-injection-*}
 * and the repository's hand-written cases, and measures it honestly: on an in-distribution test split that training never sees, and leave-one-source-out
 * (for each source, a model trained on all the others, measured on that one). Deterministic: rows are read in a
 * fixed order, every split is a hash of the row's source and group (never a random draw), and liblinear's
 * solver is deterministic for a fixed input. See {@code docs/injection-model.md}.
 */
public final class InjectionModelTrainer {

    /** The nine labelled sets of {@code --data}, in the order read (the first copy of a text repeated across sources is the one kept). */
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

    /**
     * The tenth source, read from the repository rather than from {@code --data}: the hand-written cases of
     * {@code src/test/resources/devsets/prompt-injection-handwritten/} ({@code cases.tsv} and the benign
     * {@code benign-documents.tsv}; written for PromptDesk, no text copied from any set).
     */
    public static final String HANDWRITTEN = "promptdesk-handwritten";

    /** The label policy's one relabelling: a plain persona request ("I want you to act as a storyteller") is benign. */
    static final Pattern PERSONA_REQUEST = Pattern.compile(
            "(?i)\\b(i want you to act as|ich möchte, dass sie als)\\b");
    /** ... unless it also tells the model to drop its rules or take on an unrestricted persona. */
    static final Pattern OVERRIDE = Pattern.compile(
            "(?i)(ignore|forget|disregard|vergiss|ignorier|no (rules|restrictions|filter)|dan\\b|jailbreak|unrestricted)");

    /** The English system prompts of CyberSecEval, reported apart from NotInject's prompts. */
    public static final String SYSTEM_PROMPTS = "system prompts";

    /** Fits run at once while cross-fitting (the machine it was made on has two cores). */
    static final int FIT_THREADS = 2;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");


    /** Rows from the in-repo test split of XQuAD: a sample, XQuAD is large. */
    static final int REPO_SAMPLE_XQUAD = 600;

    /**
     * @param shareAlike whether the CC BY-SA 4.0 texts (XQuAD, BIPIA's Stack Overflow answers) are trained on too;
     *                   without them they are only measured, and the weights derive from no share-alike data
     */
    public record Options(Path data, Path modelOut, Path testOut, double c, double calibFpr, double sourceFpr,
                          boolean loso, boolean shareAlike, int folds, List<Path> handWritten) {
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
    private final PromptInjectionDetector rules = PromptInjectionDetector.rulesOnly();
    private final PrintWriter log;

    public InjectionModelTrainer(PrintWriter log) {
        this.log = log;
    }

    /** Trains, evaluates, writes the model, the figures and the in-repo test split; returns the figures. */
    public ObjectNode run(Options o) throws IOException {
        long t0 = System.nanoTime();
        List<Row> rows = TrainingRows.load(o.data(), o.handWritten(), o.shareAlike(), mapper);
        List<String> sources = TrainingRows.sources(rows);
        log.printf(Locale.ROOT, "read %d rows from %d sources%n", rows.size(), sources.size());
        Map<String, Detection> ruleVerdict = new HashMap<>();
        for (Row r : rows) {
            ruleVerdict.computeIfAbsent(r.text(), rules::scan);
        }
        log.printf(Locale.ROOT, "rule-based verdicts in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        ObjectNode figures = mapper.createObjectNode();
        figures.put("c", o.c());
        figures.put("share_alike_trained", o.shareAlike());
        figures.put("calibration_fpr_target", o.calibFpr());
        figures.put("calibration_source_fpr_target", o.sourceFpr());
        figures.set("counts", TrainingRows.counts(rows, mapper));

        // The shipped model: fit on the training part, calibrated on it out of fold.
        Set<String> testTexts = new HashSet<>();
        for (Row r : rows) {
            if (r.part().equals("test")) {
                testTexts.add(r.text());
            }
        }
        List<Row> fit = TrainingRows.trainable(rows, r -> r.part().equals("train") && !testTexts.contains(r.text()));
        InjectionClassifier model = train(fit, o, figures.putObject("shipped"));
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
            for (String held : sources) {
                long t = System.nanoTime();
                Set<String> heldTexts = new HashSet<>();
                for (Row r : rows) {
                    if (r.source().equals(held)) {
                        heldTexts.add(r.text());
                    }
                }
                List<Row> f = TrainingRows.trainable(rows, r -> !r.source().equals(held)
                        && !heldTexts.contains(r.text()));
                ObjectNode fold = loso.putObject(held);
                InjectionClassifier m = train(f, o, fold.putObject("model"));
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

    // ---------------------------------------------------------------- training

    private final LinearFit linear = new LinearFit();

    /**
     * The model, fit on {@code pool} and calibrated by cross-fitting: the pool is cut into {@code o.folds()} folds by
     * a hash of each row's source and group (translations of one item, plantings of one attack stay together), and
     * each fold is judged by a model fit on the other folds. Platt scaling and the threshold are fit on those
     * out-of-fold margins, so every benign text of the pool counts towards the false positive targets (a set of 178
     * e-mails and code answers, not the 31 of a calibration tenth, where one text moved the threshold). The model
     * that ships is fit on the whole pool. Threshold: the lowest probability, in steps of 0.01 from 0.50, at which
     * the pool's benign texts are flagged at most {@code calibFpr} overall and at most {@code sourceFpr} in each
     * source with at least 20 of them. The fits run two at a time.
     */
    /**
     * The rows a fold keeps together: a row's group, except in BIPIA, where every planting of a context stays with
     * the context itself. Split by attack, a benign e-mail was judged by a model that had seen it as the carrier of
     * attacks in the other folds, and read as an attack (6 of 144 past 0.98): the threshold was set by that leak, not
     * by how a new document scores.
     */
    static String foldGroup(Row r) {
        if (!r.source().equals("prompt-injection-bipia")) {
            return r.group();
        }
        String context = r.text();
        if (r.attack() != null) {
            int at = context.indexOf(r.attack());
            if (at >= 0) {
                context = context.substring(0, at) + context.substring(at + r.attack().length());
            }
        }
        return "context:" + WHITESPACE.matcher(context).replaceAll("");
    }

    InjectionClassifier train(List<Row> pool, Options o, ObjectNode report) {
        long t = System.nanoTime();
        int k = o.folds();
        int[] foldOf = new int[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            Row r = pool.get(i);
            foldOf[i] = Math.floorMod(HashedNgrams.mix((r.source() + "\u0001" + foldGroup(r)).hashCode()), k);
            linear.examples(r); // computed here, read by the fits in parallel
        }
        double[] margins = new double[pool.size()];
        LinearFit.Fit[] whole = new LinearFit.Fit[1];
        ExecutorService fits = Executors.newFixedThreadPool(FIT_THREADS);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            jobs.add(fits.submit(() -> {
                whole[0] = linear.fit(pool, o.c());
            }));
            for (int f = 0; f < k; f++) {
                int fold = f;
                jobs.add(fits.submit(() -> {
                    List<Row> rest = new ArrayList<>();
                    for (int i = 0; i < pool.size(); i++) {
                        if (foldOf[i] != fold) {
                            rest.add(pool.get(i));
                        }
                    }
                    InjectionClassifier raw = linear.fit(rest, o.c()).raw();
                    for (int i = 0; i < pool.size(); i++) {
                        if (foldOf[i] == fold) {
                            margins[i] = raw.margin(pool.get(i).text());
                        }
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            fits.shutdownNow();
        }
        boolean[] truth = new boolean[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            truth[i] = pool.get(i).injection();
        }
        double[] ab = Calibration.platt(margins, truth);
        double threshold = Calibration.threshold(pool, margins, ab, o);
        if (Boolean.getBoolean("promptdesk.train.verbose")) {
            for (double th : new double[]{0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99}) {
                Map<String, int[]> per = new java.util.TreeMap<>();
                for (int i = 0; i < pool.size(); i++) {
                    double prob = 1.0 / (1.0 + Math.exp(ab[0] * margins[i] + ab[1]));
                    int[] c = per.computeIfAbsent(pool.get(i).source().replace("prompt-injection-", ""), x -> new int[4]);
                    c[truth[i] ? 0 : 2]++;
                    c[truth[i] ? 1 : 3] += prob >= th ? 1 : 0;
                }
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "    t=%.2f", th));
                per.forEach((name, c) -> b.append(' ').append(name).append(" r=").append(ratio(c[1], c[0]))
                        .append(" f=").append(ratio(c[3], c[2])));
                log.println(b);
            }
        }
        LinearFit.Fit m = whole[0];
        InjectionClassifier model = new InjectionClassifier(m.weights(), m.bias(), ab[0], ab[1], threshold);
        report.put("fit_injection", m.pos());
        report.put("fit_benign", m.neg());
        report.put("folds", k);
        report.put("pool_rows", pool.size());
        report.put("platt_a", ab[0]);
        report.put("platt_b", ab[1]);
        report.put("threshold", threshold);
        report.put("train_seconds", Math.round((System.nanoTime() - t) / 1e8) / 10.0);
        log.printf(Locale.ROOT, "  trained on %d injection / %d benign, calibrated out of fold (%d folds) on %d "
                + "rows: A=%.3f B=%.3f threshold %.2f (%.1f s)%n", m.pos(), m.neg(), k, pool.size(), ab[0], ab[1],
                threshold, (System.nanoTime() - t) / 1e9);
        return model;
    }

    // ---------------------------------------------------------------- evaluation

    /** Per source: the classifier alone, the rules alone, and the detector (rules or classifier). */
    private void evaluate(InjectionClassifier m, List<Row> rows, java.util.function.Predicate<Row> keep,
                          Map<String, Detection> ruleVerdict, ObjectNode out) {
        Map<String, int[][]> per = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!keep.test(r)) {
                continue;
            }
            Detection found = ruleVerdict.get(r.text());
            boolean rule = found.flagged();
            InjectionClassifier.Verdict v = m.judge(r.text(),
                    PromptInjectionDetector.learnedThreshold(found.score(), m.threshold()));
            boolean learned = v.flagged() && v.probability() >= m.threshold();
            // the detector: the rules, or the classifier alone, or the classifier corroborating partial signals
            boolean[] verdicts = {learned, rule, rule || v.flagged()};
            int[][] c = per.computeIfAbsent(r.reported(), k -> new int[3][4]);
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
    private void writeTestSplit(List<Row> rows, Options o, InjectionClassifier model, Map<String, Detection> ruleVerdict,
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
            int c = Integer.compare(HashedNgrams.mix(a.text().hashCode()), HashedNgrams.mix(b.text().hashCode()));
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
