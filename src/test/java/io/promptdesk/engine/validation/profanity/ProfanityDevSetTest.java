package io.promptdesk.engine.validation.profanity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.DevSets;
import io.promptdesk.engine.validation.Detection;
import io.promptdesk.engine.validation.Signal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall on the shipped list (as written and disguised) and false alarms on benign text, the figures the
 * {@code no_profanity} rule is judged by. Prints {@code no_profanity dev set: precision=... recall=...}.
 */
class ProfanityDevSetTest {

    private static final ProfanityDetector DETECTOR = new ProfanityDetector();
    private static List<String> terms;
    private static List<String> benign;

    @BeforeAll
    static void load() throws IOException {
        terms = TermListReader.readResource(ProfanityDetector.DENY_LIST);
        benign = new ArrayList<>(benignLexicon());
        benign.addAll(notInjectBenignPrompts());
    }

    @Test
    void everyShippedTermIsFoundAsWrittenInASentence() {
        List<String> missed = new ArrayList<>();
        for (String term : terms) {
            String sentence = "I can't believe they wrote " + term + " on the wall.";
            List<Signal> signals = DETECTOR.scan(sentence).signals();
            boolean exact = signals.size() == 1
                    && signals.get(0).evidence().equals(term)
                    && sentence.substring(signals.get(0).offset(), signals.get(0).offset() + signals.get(0).length())
                    .equals(term);
            if (!exact) {
                missed.add(term + " -> " + signals);
            }
        }
        assertThat(terms).hasSizeGreaterThan(350);
        assertThat(missed).isEmpty();
    }

    @Test
    void disguisedSpellingsOfListedWordsAreFound() {
        Map<String, int[]> byFamily = obfuscatedRecall(new ArrayList<>());
        int found = byFamily.values().stream().mapToInt(c -> c[0]).sum();
        int total = byFamily.values().stream().mapToInt(c -> c[1]).sum();

        assertThat(total).isGreaterThan(2500);
        assertThat((double) found / total).isGreaterThanOrEqualTo(0.98);
        byFamily.forEach((family, c) -> assertThat((double) c[0] / c[1]).as(family).isGreaterThanOrEqualTo(0.9));
    }

    @Test
    void benignCorpusRaisesNearlyNoFalseAlarms() {
        List<String> alarms = falseAlarms();

        assertThat(benign).hasSizeGreaterThan(500);
        assertThat((double) alarms.size() / benign.size()).as("false alarms: %s", alarms).isLessThanOrEqualTo(0.005);
    }

    @Test
    void devSetPrecisionAndRecallAreReported() {
        List<String> missedVariants = new ArrayList<>();
        Map<String, int[]> byFamily = obfuscatedRecall(missedVariants);
        int truePositives = terms.size();
        int positives = terms.size();
        for (int[] c : byFamily.values()) {
            truePositives += c[0];
            positives += c[1];
        }
        int falsePositives = falseAlarms().size();
        double precision = (double) truePositives / (truePositives + falsePositives);
        double recall = (double) truePositives / positives;

        System.err.printf("no_profanity dev set: precision=%.4f recall=%.4f (positives=%d, benign=%d, false alarms=%d)%n",
                precision, recall, positives, benign.size(), falsePositives);
        byFamily.forEach((family, c) -> System.err.printf("  %-28s %d/%d%n", family, c[0], c[1]));
        missedVariants.forEach(m -> System.err.println("  missed: " + m));
        assertThat(precision).isGreaterThanOrEqualTo(0.99);
        assertThat(recall).isGreaterThanOrEqualTo(0.98);
    }

    /** Found and total per family, over every single-word alphabetic term of the shipped list. */
    private static Map<String, int[]> obfuscatedRecall(List<String> missed) {
        Map<String, int[]> byFamily = new TreeMap<>();
        for (String term : terms) {
            if (!term.matches("[a-z]{3,}")) {
                continue;
            }
            ObfuscatedVariants.of(term).forEach((family, variant) -> {
                int[] counts = byFamily.computeIfAbsent(family, f -> new int[2]);
                counts[1]++;
                Detection d = DETECTOR.scan("Then he shouted " + variant + " at the referee.");
                if (d.flagged()) {
                    counts[0]++;
                } else {
                    missed.add(family + ": " + variant);
                }
            });
        }
        return byFamily;
    }

    private static List<String> falseAlarms() {
        List<String> alarms = new ArrayList<>();
        for (String text : benign) {
            Detection d = DETECTOR.scan(text);
            if (d.flagged()) {
                alarms.add(d.explain() + " in: " + text);
            }
        }
        return alarms;
    }

    private static List<String> benignLexicon() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = ProfanityDevSetTest.class.getResourceAsStream("benign-en.txt")) {
            assertThat(in).as("benign-en.txt on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    private static List<String> notInjectBenignPrompts() throws IOException {
        Path file = DevSets.folder("prompt-injection-cyberseceval-notinject").resolve("labelled.jsonl");
        assertThat(file).as("NotInject benign prompts").isRegularFile();
        ObjectMapper json = new ObjectMapper();
        List<String> prompts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode row = json.readTree(line);
            if ("benign".equals(row.path("label").asText())) {
                prompts.add(row.path("text").asText());
            }
        }
        assertThat(prompts).hasSize(339);
        return prompts;
    }
}
