package io.promptdesk.engine.validation.injection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.DevSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped weights against their data card ({@code docs/injection-model.md}): the card names the file's SHA-256,
 * and the in-repo test split ({@code devsets/prompt-injection-model-test}, the in-distribution test rows of each
 * source, a sample of XQuAD's) gives again the figures the card and {@code classifier-figures.json} state. Floors sit
 * just under what the shipped model reaches, so a regression fails the build.
 */
class InjectionModelCardTest {

    private static final Path CARD = Path.of("docs", "injection-model.md");
    private static final String FIGURES = "/promptdesk/injection/classifier-figures.json";
    private static final double TOLERANCE = 0.005;

    /** Per source: [classifier recall floor, detector recall floor, detector FPR ceiling]; NaN where not measured. */
    private static final Map<String, double[]> FLOORS = new LinkedHashMap<>();

    static {
        // measured 2026-12-06 on the shipped weights after the named signals' second pass (classifier / detector):
        // awesome 0/49 and 0/49 flagged, BIPIA recall 62/138 and 62/138, CyberSecEval-ml 26/206 and 78/206 (0/136
        // flagged), NotInject 17/54 and 37/54, deepset 7/55 and 15/55, garak 3/9 and 8/9, jailbreaks 59/132 and 96/132;
        // 2026-12-07, after the CyberSecEval languages by concept: CyberSecEval-ml detector 98/206; fourth session, the
        // weights with the hand-written source, calibrated out of fold: BIPIA 62/138 and 92/138, CyberSecEval-ml 48/206
        // and 109/206, NotInject 19/54 and 37/54, deepset 13/55 and 20/55, garak 5/9 and 8/9, jailbreaks 100/132 and
        // 110/132, hand-written 119/408 and 395/408 (2 of 252 benign flagged); fifth session, calibrated by context
        // and corroborating partial signals: BIPIA 70/138 and 94/138, CyberSecEval-ml 58/206 and 117/206, NotInject
        // 23/54 and 37/54, deepset 14/55 and 23/55, garak 6/9 and 8/9, jailbreaks 107/132 and 116/132, hand-written
        // 140/408 and 398/408; sixth session, trained on the held-out sets one to eight too (their test fifth joins
        // the hand-written row): BIPIA 75/138 and 94/138 (1 of 34 contexts flagged), CyberSecEval-ml 62/206 and 120/206
        // (1 of 136 flagged), NotInject 26/54 and 37/54, deepset 14/55 and 23/55, garak 5/9 and 8/9, jailbreaks
        // 108/132 and 116/132, hand-written 206/532 and 492/532 (8 of 334 benign flagged); eighth session, same
        // weights, the signals' readings (planted_task above all): BIPIA detector 114/138, deepset 24/55,
        // hand-written 504/532 (7 of 334 flagged); ninth session, trained on the held-out sets nine, ten and fifteen
        // too (threshold 0.982): BIPIA 76/138 and 114/138 (2 of 34 contexts flagged), CyberSecEval-ml 67/206 and
        // 123/206 (2 of 136 flagged), NotInject 26/54 and 38/54, deepset 18/55 and 26/55, garak 5/9 and 8/9,
        // jailbreaks 111/132 and 118/132, hand-written 268/629 and 586/629 (11 of 392 flagged); tenth session, the
        // lexicon's word classes as features and the held-out sets seventeen and eighteen trained on (their test fifth
        // joins the hand-written row; threshold 0.980): BIPIA 74/138 and 114/138 (2 of 34 contexts flagged),
        // CyberSecEval-ml 71/206 and 122/206 (0 of 136 flagged), NotInject 27/54 and 38/54, deepset 18/55 and 25/55,
        // garak 5/9 and 8/9, jailbreaks 110/132 and 118/132, hand-written 366/726 and 640/726 (13 of 462 flagged);
        // eleventh session (2026-12-08), the lexicon's inflected forms and the held-out sets twenty to twenty-two
        // trained on (their test fifth joins the hand-written row; threshold 0.978): BIPIA 74/138 and 114/138 (2 of 34
        // contexts flagged), CyberSecEval-ml 69/206 and 122/206 (0 of 136), NotInject 25/54 and 37/54, deepset 19/55
        // and 25/55, garak 5/9 and 8/9, jailbreaks 110/132 and 118/132, hand-written 443/879 and 742/879 (14 of 567)
        FLOORS.put("prompt-injection-benign-awesome-chatgpt-prompts", new double[] {Double.NaN, Double.NaN, 0.0});
        FLOORS.put("prompt-injection-benign-mgsm", new double[] {Double.NaN, Double.NaN, 0.0});
        FLOORS.put("prompt-injection-benign-xquad", new double[] {Double.NaN, Double.NaN, 0.0});
        FLOORS.put("prompt-injection-bipia", new double[] {0.53, 0.82, 0.06});
        FLOORS.put("prompt-injection-cyberseceval-multilingual", new double[] {0.33, 0.59, 0.02});
        FLOORS.put("prompt-injection-cyberseceval-notinject", new double[] {0.46, 0.68, 0.0});
        FLOORS.put("prompt-injection-cyberseceval-notinject (system prompts)", new double[] {Double.NaN, Double.NaN, 0.0});
        FLOORS.put("prompt-injection-deepset", new double[] {0.34, 0.45, 0.0});
        FLOORS.put("prompt-injection-garak", new double[] {0.55, 0.88, Double.NaN});
        FLOORS.put("prompt-injection-jailbreak-llms", new double[] {0.83, 0.89, Double.NaN});
        FLOORS.put("promptdesk-handwritten", new double[] {0.50, 0.84, 0.03});
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, int[][]> measured;

    @BeforeAll
    static void measure() throws IOException {
        measured = new LinkedHashMap<>();
        InjectionClassifier model = InjectionClassifier.shipped();
        PromptInjectionDetector detector = new PromptInjectionDetector();
        Path file = DevSets.folder("prompt-injection-model-test").resolve("test.jsonl");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            String text = row.get("text").asText();
            boolean injection = row.get("label").asText().equals("injection");
            // the classifier as the trainer counts it: at its threshold and on texts of at least MIN_CHARS folded chars
            boolean[] verdicts = {model.judge(text).flagged(), detector.scan(text).flagged()};
            String source = row.get("source").asText() + (row.has("kind") ? " (" + row.get("kind").asText() + ")" : "");
            int[][] c = measured.computeIfAbsent(source, k -> new int[2][4]);
            for (int k = 0; k < 2; k++) {
                c[k][injection ? 0 : 2]++;
                c[k][injection ? 1 : 3] += verdicts[k] ? 1 : 0;
            }
        }
        measured.forEach((source, c) -> System.err.printf(Locale.ROOT,
                "%-48s classifier recall %s fpr %s | detector recall %s fpr %s%n", source, ratio(c[0][1], c[0][0]),
                ratio(c[0][3], c[0][2]), ratio(c[1][1], c[1][0]), ratio(c[1][3], c[1][2])));
    }

    @Test
    void theCardNamesTheShippedWeightsBySha256() throws Exception {
        byte[] weights;
        try (InputStream in = InjectionClassifier.class.getResourceAsStream(InjectionClassifier.RESOURCE)) {
            assertThat(in).as(InjectionClassifier.RESOURCE).isNotNull();
            weights = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        String card = Files.readString(CARD);
        Matcher m = Pattern.compile("SHA-256 of `resources/injection/classifier.bin`: `([0-9a-f]{64})`").matcher(card);
        assertThat(m.find()).as("the card's SHA-256 line").isTrue();
        assertThat(m.group(1)).as("SHA-256 in the card").isEqualTo(sha);
        assertThat(figures().get("model_sha256").asText()).as("SHA-256 in classifier-figures.json").isEqualTo(sha);
    }

    @Test
    void theInRepoSplitGivesTheFiguresOfTheCard() throws IOException {
        JsonNode inRepo = figures().get("in_repo");
        String card = Files.readString(CARD);
        assertThat(measured.keySet()).containsExactlyInAnyOrderElementsOf(FLOORS.keySet());
        for (Map.Entry<String, int[][]> e : measured.entrySet()) {
            String source = e.getKey();
            String[] parts = {"classifier", "detector"};
            for (int k = 0; k < 2; k++) {
                int[] c = e.getValue()[k];
                JsonNode stated = inRepo.get(source).get(parts[k]);
                assertThat(stated.get("attacks").asInt()).as("%s %s attacks", source, parts[k]).isEqualTo(c[0]);
                assertThat(stated.get("benign").asInt()).as("%s %s benign", source, parts[k]).isEqualTo(c[2]);
                if (c[0] > 0) {
                    assertThat(rate(c[1], c[0])).as("%s %s recall", source, parts[k])
                            .isCloseTo(rate(stated.get("caught").asInt(), c[0]), org.assertj.core.data.Offset.offset(TOLERANCE));
                }
                if (c[2] > 0) {
                    assertThat(rate(c[3], c[2])).as("%s %s FPR", source, parts[k])
                            .isCloseTo(rate(stated.get("flagged").asInt(), c[2]), org.assertj.core.data.Offset.offset(TOLERANCE));
                }
            }
            // the card's in-repo table row for this source states the detector's figures
            int[] d = e.getValue()[1];
            String row = card.lines().filter(l -> l.startsWith("| in repo | `" + source.replace("prompt-injection-", "") + "`"))
                    .findFirst().orElse("");
            assertThat(row).as("card row for %s", source).isNotEmpty();
            if (d[0] > 0) {
                assertThat(row).contains(ratio(d[1], d[0]));
            }
            if (d[2] > 0) {
                assertThat(row).contains(ratio(d[3], d[2]));
            }
        }
    }

    @Test
    void meetsTheFloorsOnTheInRepoSplit() {
        for (Map.Entry<String, double[]> f : FLOORS.entrySet()) {
            int[][] c = measured.get(f.getKey());
            double[] floor = f.getValue();
            if (!Double.isNaN(floor[0])) {
                assertThat(rate(c[0][1], c[0][0])).as("classifier recall on %s", f.getKey()).isGreaterThanOrEqualTo(floor[0]);
            }
            if (!Double.isNaN(floor[1])) {
                assertThat(rate(c[1][1], c[1][0])).as("detector recall on %s", f.getKey()).isGreaterThanOrEqualTo(floor[1]);
            }
            if (!Double.isNaN(floor[2])) {
                assertThat(rate(c[1][3], c[1][2])).as("detector FPR on %s", f.getKey()).isLessThanOrEqualTo(floor[2]);
            }
        }
    }

    private static JsonNode figures() throws IOException {
        try (InputStream in = InjectionModelCardTest.class.getResourceAsStream(FIGURES)) {
            assertThat(in).as(FIGURES).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static double rate(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }

    static String ratio(int num, int den) {
        return den == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d/%d)", (double) num / den, num, den);
    }
}
