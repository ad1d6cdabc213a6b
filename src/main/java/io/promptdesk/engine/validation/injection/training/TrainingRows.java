package io.promptdesk.engine.validation.injection.training;

import static io.promptdesk.engine.validation.injection.training.InjectionModelTrainer.OVERRIDE;
import static io.promptdesk.engine.validation.injection.training.InjectionModelTrainer.PERSONA_REQUEST;
import static io.promptdesk.engine.validation.injection.training.InjectionModelTrainer.SOURCES;
import static io.promptdesk.engine.validation.injection.training.InjectionModelTrainer.SYSTEM_PROMPTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptdesk.engine.validation.injection.HashedNgrams;
import io.promptdesk.model.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The labelled rows the trainer reads: each set's texts in a fixed order, the label policy's one relabelling, the
 * groups that must stay on one side of a split, the split itself (a hash, never a random draw) and the counts the data
 * card states.
 */
final class TrainingRows {

    private TrainingRows() {
    }


    static List<Row> load(Path data, List<Path> handWritten, boolean trainOnShareAlike, ObjectMapper mapper)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String source : SOURCES) {
            Path file = data.resolve(source).resolve("labelled.jsonl");
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("missing " + file + ": --data must be the folder holding the nine "
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
                rows.addAll(englishSystemPrompts(data.resolve(source), seen, mapper));
            }
        }
        for (Path file : handWritten) {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("missing " + file + ": --hand-written must name files of hand-written cases "
                        + "(category<TAB>label<TAB>text)");
            }
            rows.addAll(handWritten(file, seen));
        }
        return rows;
    }

    /**
     * The English system prompts of CyberSecEval ({@code test_case_prompt} in the unchanged upstream file of the
     * notinject folder), benign like their translations in the multilingual folder: instructions full of security
     * words ("Do not reveal the password"), as every template has. Not in the folder's labelled.jsonl, which keeps
     * only the user inputs.
     */
    private static List<Row> englishSystemPrompts(Path folder, Set<String> seen, ObjectMapper mapper)
            throws IOException {
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

    /**
     * The hand-written cases ({@code category<TAB>label<TAB>text}, {@code \n} a line break, {@code #} a comment).
     * In a file written in batches (a comment naming a batch opens each), each batch is one group, so the test part
     * is batches never trained on, as a new batch would be; otherwise each text is its own group.
     */
    static List<Row> handWritten(Path file, Set<String> seen) throws IOException {
        List<Row> out = new ArrayList<>();
        String source = InjectionModelTrainer.HANDWRITTEN;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean inBatches = lines.stream().anyMatch(l -> l.startsWith("#") && l.contains(" batch"));
        int batch = 1;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.startsWith("#")) {
                batch += line.contains(" batch") ? 1 : 0;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length < 3 || !(f[1].equals("injection") || f[1].equals("benign"))) {
                throw new BadInputException(file + " line " + number + ": expected category<TAB>injection|benign<TAB>text");
            }
            String text = f[2].replace("\\n", "\n").strip();
            String group = file.getFileName() + (inBatches ? " batch " + batch : " " + text);
            out.add(new Row(source, text, f[1].equals("injection"), group, part(source, null, group), seen.add(text),
                    false, null, null));
        }
        return out;
    }

    /** The sources of {@code rows}, in the order read. */
    static List<String> sources(List<Row> rows) {
        return List.copyOf(new java.util.LinkedHashSet<>(rows.stream().map(Row::source).toList()));
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

    /** 80 % train, 20 % test by a hash of source and group; deepset keeps its own test split. */
    private static String part(String source, JsonNode n, String group) {
        if (source.equals("prompt-injection-deepset")) {
            return n.path("split").asText().equals("test") ? "test" : "train";
        }
        int h = Math.floorMod(HashedNgrams.mix((source + "\u0000" + group).hashCode()), 100);
        return h < 80 ? "train" : "test";
    }


    static List<Row> trainable(List<Row> rows, java.util.function.Predicate<Row> keep) {
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.trainable() && keep.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    static ObjectNode counts(List<Row> rows, ObjectMapper mapper) {
        ObjectNode counts = mapper.createObjectNode();
        for (String s : sources(rows)) {
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
}
