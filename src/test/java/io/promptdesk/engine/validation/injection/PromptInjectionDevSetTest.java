package io.promptdesk.engine.validation.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.DevSets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall on the shared development set (CyberSecEval attacks, NotInject benign prompts full of
 * trigger words). Floors sit a little below what the detector achieves, so a regression fails the build.
 */
class PromptInjectionDevSetTest {

    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.77;

    @Test
    void meetsPrecisionAndRecallFloorsOnTheDevSet() throws IOException {
        Path file = DevSets.folder("prompt-injection-cyberseceval-notinject").resolve("labelled.jsonl");
        assertThat(file).as("dev set").exists();

        ObjectMapper json = new ObjectMapper();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        Map<String, int[]> byVariant = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(line);
            boolean injection = row.get("label").asText().equals("injection");
            boolean flagged = Scans.DETECTOR.scan(row.get("text").asText()).flagged();
            if (injection) {
                int[] v = byVariant.computeIfAbsent(row.path("variant").asText("unknown"), k -> new int[2]);
                v[0] += flagged ? 1 : 0;
                v[1]++;
            }
            tp += injection && flagged ? 1 : 0;
            fn += injection && !flagged ? 1 : 0;
            fp += !injection && flagged ? 1 : 0;
            tn += !injection && !flagged ? 1 : 0;
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        System.err.printf("prompt_injection dev set: precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d tn=%d)%n",
                precision, recall, tp, fp, fn, tn);
        byVariant.forEach((variant, v) -> System.err.printf("  recall %-32s %.2f (%d/%d)%n",
                variant, v[0] / (double) v[1], v[0], v[1]));

        assertThat(tp + fp + fn + tn).isGreaterThan(500);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(MIN_RECALL);
    }
}
