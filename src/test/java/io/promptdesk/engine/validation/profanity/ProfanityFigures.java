package io.promptdesk.engine.validation.profanity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.DevSets;
import io.promptdesk.engine.validation.Detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The {@code no_profanity} figures per language and level: recall on generated sentences built from each
 * language's list (as written and disguised), and false alarms on benign text. The tests assert on these numbers;
 * {@link #main} prints the tables for the README.
 *
 * <pre>
 * mvn -o -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.promptdesk.engine.validation.profanity.ProfanityFigures [-Dexec.args="/path/to/data-sets -v"]
 * </pre>
 * Without arguments the benign samples in {@code src/test/resources/devsets/} are used (what the tests read); with a
 * folder of the full data sets, which are not in the repository, the full benign sets are read from there.
 */
public final class ProfanityFigures {

    /** A sentence in each language with a slot for the term, written for these tests; innocent on its own. */
    static final Map<String, String> FRAMES = frames();

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfanityFigures() {
    }

    private static Map<String, String> frames() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("ar", "كتب %s على الجدار.");
        f.put("cs", "Napsal na zeď %s a odešel.");
        f.put("da", "Han skrev %s på væggen.");
        f.put("de", "Er hat %s an die Wand geschrieben.");
        f.put("en", "I can't believe they wrote %s on the wall.");
        f.put("eo", "Li skribis %s sur la muro.");
        f.put("es", "Escribió %s en la pared.");
        f.put("fa", "او روی دیوار %s نوشت.");
        f.put("fi", "Hän kirjoitti seinään %s eilen.");
        f.put("fil", "Isinulat niya ang %s sa pader.");
        f.put("fr", "Il a écrit %s sur le mur.");
        f.put("fr-CA-u-sd-caqc", "Il a écrit %s sur le mur.");
        f.put("hi", "Usne deewar par %s likha.");
        f.put("hu", "Azt írta a falra, hogy %s.");
        f.put("it", "Ha scritto %s sul muro.");
        f.put("ja", "彼は壁に%sと書いた。");
        f.put("kab", "Yura %s ɣef lḥiḍ.");
        f.put("ko", "그가 벽에 %s라고 썼다.");
        f.put("nl", "Hij schreef %s op de muur.");
        f.put("no", "Han skrev %s på veggen.");
        f.put("pl", "Napisał %s na ścianie.");
        f.put("pt", "Ele escreveu %s na parede.");
        f.put("ru", "Он написал %s на стене.");
        f.put("sv", "Han skrev %s på väggen.");
        f.put("th", "เขาเขียนคำว่า%sบนกำแพง");
        f.put("tlh", "ghaH jatlh %s DaH.");
        f.put("tr", "Bu duvara %s yazdı ve gitti.");
        f.put("zh", "他在墙上写了%s。");
        return f;
    }

    /** How each listed term of a language is treated at a level. */
    enum Fate { REPORTED, ALLOWED, MILD, TOO_SHORT }

    /** The fate of a listed (or added) term: allowed (an ordinary word), mild (strict only), too short, reported. */
    static Fate fate(String term, Set<String> allowedKeys, Set<String> mildKeys) {
        if (!ProfanityLists.usable(term)) {
            return Fate.TOO_SHORT;
        }
        String key = TermTrie.keyOf(term);
        if (allowedKeys.contains(key)) {
            return Fate.ALLOWED;
        }
        return mildKeys.contains(key) ? Fate.MILD : Fate.REPORTED;
    }

    static Set<String> keys(Function<String, List<String>> lists) {
        Set<String> keys = new HashSet<>();
        for (String language : ProfanityLists.LANGUAGES) {
            lists.apply(language).forEach(t -> keys.add(TermTrie.keyOf(t)));
        }
        return keys;
    }

    /** The sentence with {@code term} in the frame of {@code language}. */
    static String sentence(String language, String term) {
        return String.format(Locale.ROOT, FRAMES.get(language), term);
    }

    /** Disguised spellings of a single-word term, per family; Latin-script families only for Latin terms. */
    static Map<String, String> variants(String term) {
        Map<String, String> v = new LinkedHashMap<>();
        if (!term.matches("\\p{L}{3,}") || ProfanityLists.usable(term) && isUnspaced(term)) {
            return v;
        }
        boolean latin = term.matches("\\p{IsLatin}+");
        if (latin) {
            Map<String, String> all = ObfuscatedVariants.of(term.toLowerCase(Locale.ROOT));
            put(v, "leetspeak", all.get("leetspeak"));
            put(v, "upper case", all.get("upper case"));
            put(v, "look-alikes", all.get("homoglyph"));
        }
        put(v, "masked", masked(term));
        put(v, "spaced", String.join(" ", term.split("")));
        put(v, "dotted", String.join(".", term.split("")));
        put(v, "repeated", repeated(term));
        put(v, "zero-width", term.charAt(0) + "\u200B" + term.substring(1));
        return v;
    }

    private static void put(Map<String, String> v, String family, String variant) {
        if (variant != null) {
            v.put(family, variant);
        }
    }

    private static boolean isUnspaced(String term) {
        return term.chars().anyMatch(c -> Symbols.isUnspaced((char) c));
    }

    /** The first inner vowel (else the middle letter) starred, the way people censor ("f*ck", "c*zzo"). */
    private static String masked(String t) {
        if (t.length() < 4) {
            return null;
        }
        for (int i = 1; i < t.length() - 1; i++) {
            if ("aeiouáéíóúàèìòùäöüåøæıy".indexOf(Character.toLowerCase(t.charAt(i))) >= 0) {
                return t.substring(0, i) + "*" + t.substring(i + 1);
            }
        }
        int m = t.length() / 2;
        return t.substring(0, m) + "*" + t.substring(m + 1);
    }

    /** The last letter written four times ("merdeeee"). */
    private static String repeated(String t) {
        return t + String.valueOf(t.charAt(t.length() - 1)).repeat(3);
    }

    /** Per language: listed terms by fate, and recall per level as written and disguised. */
    static final class LanguageFigures {
        final String language;
        final int listed;
        final Map<Fate, Integer> fates = new TreeMap<>();
        int added;
        /** [found, total] at standard and strict, for terms as written (listed + added). */
        final int[] standard = new int[2];
        final int[] strict = new int[2];
        final int[] disguised = new int[2];
        final List<String> misses = new ArrayList<>();
        final List<String> disguisedMisses = new ArrayList<>();

        LanguageFigures(String language, int listed) {
            this.language = language;
            this.listed = listed;
        }
    }

    /** Recall figures of every language: each listed term in its language's sentence, at both levels. */
    static Map<String, LanguageFigures> recall(ProfanityDetector standard, ProfanityDetector strict) {
        Set<String> allowedKeys = keys(ProfanityLists::allowed);
        Set<String> mildKeys = keys(ProfanityLists::mild);
        Map<String, LanguageFigures> out = new LinkedHashMap<>();
        for (String language : ProfanityLists.LANGUAGES) {
            List<String> listed = ProfanityLists.listed(language);
            List<String> added = ProfanityLists.extra(language);
            List<String> mild = ProfanityLists.mild(language);
            LanguageFigures f = new LanguageFigures(language, listed.size());
            f.added = added.size() + mild.size();
            List<String> all = new ArrayList<>(listed);
            all.addAll(added);
            all.addAll(mild);
            for (int i = 0; i < all.size(); i++) {
                String term = all.get(i);
                Fate fate = fate(term, allowedKeys, i < listed.size() + added.size() ? mildKeys : Set.of());
                if (i < listed.size()) {
                    f.fates.merge(fate, 1, Integer::sum);
                }
                String sentence = sentence(language, term);
                boolean std = standard.scan(sentence).flagged();
                boolean str = strict.scan(sentence).flagged();
                boolean expectStandard = fate == Fate.REPORTED && i < listed.size() + added.size();
                boolean expectStrict = fate == Fate.REPORTED || fate == Fate.MILD;
                if (expectStandard) {
                    f.standard[1]++;
                    f.standard[0] += std ? 1 : 0;
                }
                if (expectStrict) {
                    f.strict[1]++;
                    f.strict[0] += str ? 1 : 0;
                }
                if (std != expectStandard || str != expectStrict) {
                    f.misses.add(language + " '" + term + "' " + fate + ": standard=" + std + " strict=" + str);
                }
                if (expectStandard) {
                    for (Map.Entry<String, String> v : variants(term).entrySet()) {
                        f.disguised[1]++;
                        if (standard.scan(sentence(language, v.getValue())).flagged()) {
                            f.disguised[0]++;
                        } else {
                            f.disguisedMisses.add(v.getKey() + ": " + v.getValue());
                        }
                    }
                }
            }
            out.put(language, f);
        }
        return out;
    }

    /** One benign text of a set. */
    record Benign(String set, String language, String text) {
    }

    /** The benign samples copied into the repository (see devsets/profanity-benign/SOURCE.md). */
    static List<Benign> benignSamples() {
        Path dir = DevSets.folder("profanity-benign");
        List<Benign> out = new ArrayList<>();
        read(dir.resolve("xquad.jsonl"), "XQuAD", null, out);
        read(dir.resolve("mgsm.jsonl"), "MGSM", null, out);
        read(dir.resolve("awesome-chatgpt-prompts.jsonl"), "awesome-chatgpt-prompts", null, out);
        read(dir.resolve("deepset.jsonl"), "deepset benign", null, out);
        read(DevSets.folder("prompt-injection-cyberseceval-notinject").resolve("labelled.jsonl"), "NotInject benign",
                "benign", out);
        readTsv(dir.resolve("everyday.tsv"), "everyday (hand-written)", out);
        return out;
    }

    /** The full benign sets in a data folder named on the command line (not in the repository). */
    static List<Benign> benignFull(Path data) {
        List<Benign> out = new ArrayList<>();
        read(data.resolve("prompt-injection-benign-xquad/labelled.jsonl"), "XQuAD", "benign", out);
        read(data.resolve("prompt-injection-benign-mgsm/labelled.jsonl"), "MGSM", "benign", out);
        read(data.resolve("prompt-injection-benign-awesome-chatgpt-prompts/labelled.jsonl"),
                "awesome-chatgpt-prompts", "benign", out);
        read(data.resolve("prompt-injection-deepset/labelled.jsonl"), "deepset benign", "benign", out);
        read(data.resolve("prompt-injection-cyberseceval-notinject/labelled.jsonl"), "NotInject benign", "benign",
                out);
        readTsv(DevSets.folder("profanity-benign").resolve("everyday.tsv"), "everyday (hand-written)", out);
        return out;
    }

    private static void read(Path file, String set, String label, List<Benign> out) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                if (label == null || label.equals(row.path("label").asText())) {
                    out.add(new Benign(set, row.path("lang").asText("en"), row.path("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readTsv(Path file, String set, List<Benign> out) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                out.add(new Benign(set, line.substring(0, tab), line.substring(tab + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benign texts the detector flags, each with what it found. */
    static List<String> falseAlarms(ProfanityDetector detector, List<Benign> benign) {
        List<String> alarms = new ArrayList<>();
        for (Benign b : benign) {
            Detection d = detector.scan(b.text());
            if (d.flagged()) {
                alarms.add(b.set() + " [" + b.language() + "] " + d.explain() + " in: "
                        + (b.text().length() > 160 ? b.text().substring(0, 160) + "..." : b.text()));
            }
        }
        return alarms;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("time")) {
            // rough ns per scan, for spotting a slow path (JMH's ProfanityBench gives the figures)
            ProfanityDetector d = ProfanityDetector.shared(ProfanityLevel.STANDARD);
            for (int i = 1; i < args.length; i++) {
                String text = args[i];
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 20; round++) {
                    long t0 = System.nanoTime();
                    for (int k = 0; k < 2000; k++) {
                        d.scan(text);
                    }
                    best = Math.min(best, (System.nanoTime() - t0) / 2000);
                }
                System.out.println(best + " ns  " + text.length() + " chars  " + text.substring(0,
                        Math.min(40, text.length())));
            }
            return;
        }
        if (args.length > 1 && args[0].equals("jsonl")) {
            // every row of a JSON Lines file (any label), for a look at text the lists were not tuned on
            List<Benign> rows = new ArrayList<>();
            read(Path.of(args[1]), Path.of(args[1]).getParent().getFileName().toString(), null, rows);
            for (ProfanityLevel level : ProfanityLevel.values()) {
                List<String> alarms = falseAlarms(ProfanityDetector.shared(level), rows);
                System.out.println(level + ": " + alarms.size() + " of " + rows.size() + " rows flagged");
                alarms.forEach(a -> System.out.println("  " + a));
            }
            return;
        }
        if (args.length > 0 && args[0].equals("scan")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println(args[i] + " -> " + ProfanityDetector.shared(ProfanityLevel.STANDARD).scan(args[i])
                        .signals() + " / strict " + ProfanityDetector.shared(ProfanityLevel.STRICT).scan(args[i])
                        .signals());
            }
            return;
        }
        boolean verbose = List.of(args).contains("-v");
        ProfanityDetector standard = new ProfanityDetector(ProfanityLevel.STANDARD, List.of(), List.of());
        ProfanityDetector strict = new ProfanityDetector(ProfanityLevel.STRICT, List.of(), List.of());
        Map<String, LanguageFigures> recall = recall(standard, strict);
        System.out.println("| language | listed | reported at both levels | strict only (mild) | allowed (ordinary "
                + "words) | not used (1 character, no spaces) | added by PromptDesk | found in sentences, standard "
                + "| found in sentences, strict | disguised spellings found, standard |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (LanguageFigures f : recall.values()) {
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s |%n", f.language, f.listed,
                    f.fates.getOrDefault(Fate.REPORTED, 0), f.fates.getOrDefault(Fate.MILD, 0),
                    f.fates.getOrDefault(Fate.ALLOWED, 0), f.fates.getOrDefault(Fate.TOO_SHORT, 0), f.added,
                    ratio(f.standard), ratio(f.strict), ratio(f.disguised));
            if (verbose) {
                f.misses.forEach(m -> System.out.println("    unexpected: " + m));
                f.disguisedMisses.forEach(m -> System.out.println("    disguise missed: " + m));
            }
        }
        List<Benign> benign = args.length > 0 && !args[0].equals("-v") ? benignFull(Path.of(args[0]))
                : benignSamples();
        Map<String, int[]> bySet = new TreeMap<>();
        for (Benign b : benign) {
            String key = b.set() + " | " + b.language();
            int[] c = bySet.computeIfAbsent(key, k -> new int[3]);
            c[0]++;
            if (standard.scan(b.text()).flagged()) {
                c[1]++;
            }
            if (strict.scan(b.text()).flagged()) {
                c[2]++;
            }
        }
        System.out.println();
        System.out.println("| benign set | language | texts | false alarms, standard | false alarms, strict |");
        System.out.println("|---|---|---:|---:|---:|");
        bySet.forEach((k, c) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %d |%n", k, c[0], c[1], c[2]));
        if (verbose) {
            falseAlarms(standard, benign).forEach(a -> System.out.println("standard: " + a));
            falseAlarms(strict, benign).forEach(a -> System.out.println("strict: " + a));
        }
    }

    private static String ratio(int[] c) {
        return c[1] == 0 ? "-" : String.format(Locale.ROOT, "%d/%d (%.1f%%)", c[0], c[1], 100.0 * c[0] / c[1]);
    }
}
