package io.promptdesk.figures;

import io.promptdesk.figures.FigureFormat.Figure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes README's measured block from one run: the header (date, machine, JDK, versions) and a row per
 * {@link FigureSpec.Row}. A row this run did not measure keeps its previous cell, marked with the date it is from;
 * no figure is ever made up.
 */
final class FiguresGenerator {
    static final int WIDTH = 115;
    private static final Pattern FROM = Pattern.compile(" \\((from \\d{4}-\\d{2}-\\d{2}|from an earlier run)\\)$");

    private final FigureSpec spec;

    FiguresGenerator(FigureSpec spec) {
        this.spec = spec;
    }

    /**
     * What the run knows about itself; the JDK and JMH versions are used when JMH's results do not name them.
     *
     * @param load    the load average when the run started, or blank when unknown
     * @param jmhArgs the options JMH ran with
     */
    record Run(LocalDate date, Machine machine, String version, String jdk, String jmh, String load,
               String jmhArgs) {
    }

    /**
     * The new README and which rows were measured and which carried over.
     */
    record Result(String readme, List<String> measured, List<String> carried) {
    }

    Result generate(String readme, Measurements measurements, Run run) {
        MeasuredBlock block = MeasuredBlock.of(readme);
        Map<String, String> previous = block.cells();
        String previousDate = block.date().orElse(null);
        List<String> measured = new ArrayList<>();
        List<String> carried = new ArrayList<>();
        StringBuilder table = new StringBuilder("| what | goal | measured |\n|---|---|---|\n");
        for (FigureSpec.Row row : spec.rows()) {
            Optional<String> cell = measuredCell(row, measurements);
            (cell.isPresent() ? measured : carried).add(row.what());
            String text = cell.orElseGet(() -> carriedCell(previousCell(row, previous), previousDate));
            table.append("| ").append(row.what()).append(" | ").append(row.goal().isEmpty() ? "" : row.goal() + " ")
                    .append("| ").append(text).append(" |\n");
        }
        String inner = "\n" + wrap(header(measurements, run)) + "\n\n" + table;
        return new Result(block.replaced(inner), List.copyOf(measured), List.copyOf(carried));
    }

    /** The first of the row's templates whose figures this run all measured. */
    static Optional<String> measuredCell(FigureSpec.Row row, Measurements measurements) {
        Map<String, String> cache = new HashMap<>();
        for (String template : row.measured()) {
            Optional<String> cell = fill(template, name -> cache.computeIfAbsent(name, n -> {
                FigureSpec.Value v = row.values().get(n);
                Optional<Figure> f = measurements.figure(v);
                return f.map(figure -> FigureFormat.format(figure, v.show(), v.digits())).orElse(null);
            }));
            if (cell.isPresent()) {
                return cell;
            }
        }
        return Optional.empty();
    }

    private static String previousCell(FigureSpec.Row row, Map<String, String> previous) {
        String cell = previous.get(row.what());
        for (int i = 0; cell == null && i < row.was().size(); i++) {
            cell = previous.get(row.was().get(i));
        }
        return cell;
    }

    /** The previous cell with the date it was measured, once: a cell carried twice keeps its first date. */
    static String carriedCell(String previous, String previousDate) {
        if (previous == null || previous.isBlank()) {
            return "not measured yet";
        }
        if (FROM.matcher(previous).find()) {
            return previous;
        }
        return previous + " (" + (previousDate == null ? "from an earlier run" : "from " + previousDate) + ")";
    }

    private String header(Measurements m, Run run) {
        String jdk = m.jmhProperty("vmName").flatMap(name -> m.jmhProperty("vmVersion").map(v -> name + " " + v))
                .orElse(run.jdk());
        Map<String, String> values = Map.of(
                "date", run.date().toString(),
                "machine", run.machine().describe(),
                "jdk", jdk,
                "version", run.version(),
                "jmh", m.jmhProperty("jmhVersion").orElse(run.jmh()),
                "jmhArgs", run.jmhArgs() == null ? "" : run.jmhArgs().strip(),
                "load", run.load() == null || run.load().isBlank() ? "unknown" : run.load().strip());
        return fill(spec.header(), name -> {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("the header uses {" + name + "}; known: " + values.keySet());
            }
            return values.get(name);
        }).orElseThrow();
    }

    /** The template with every {name} replaced, or empty when a name has no value (null). */
    private static Optional<String> fill(String template, Function<String, String> value) {
        Matcher m = FigureSpec.PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = value.apply(m.group(1));
            if (v == null) {
                return Optional.empty();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        return Optional.of(m.appendTail(out).toString());
    }

    /** Paragraphs (blank-line separated) wrapped at {@value #WIDTH} columns, as the rest of the README is. */
    static String wrap(String text) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            StringBuilder out = new StringBuilder();
            int lineStart = 0;
            for (String word : words(paragraph)) {
                if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > WIDTH) {
                    out.append('\n');
                    lineStart = out.length();
                } else if (out.length() > lineStart) {
                    out.append(' ');
                }
                out.append(word);
            }
            paragraphs.add(out.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    /** The paragraph's words, a `code span` kept as one so that a line never breaks inside it. */
    private static List<String> words(String paragraph) {
        List<String> words = new ArrayList<>();
        StringBuilder open = null;
        for (String word : paragraph.strip().split("\\s+")) {
            if (open != null) {
                open.append(' ').append(word);
            } else {
                open = new StringBuilder(word);
            }
            if (open.chars().filter(c -> c == '`').count() % 2 == 0) {
                words.add(open.toString());
                open = null;
            }
        }
        if (open != null) {
            words.add(open.toString());
        }
        return words;
    }
}
