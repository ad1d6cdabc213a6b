package io.promptdesk.figures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.figures.FigureFormat.Figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one run measured: JMH's JSON results (target/bench/jmh.json) and the JSON files the scripts write beside it
 * (million.json, stats.json, startup.json), looked up by a row's {@link FigureSpec.Value}.
 */
final class Measurements {
    static final String JMH_FILE = "jmh";

    private final List<JsonNode> jmh;
    private final Map<String, JsonNode> files;

    /**
     * @param jmh   JMH's result array, or null when JMH did not run
     * @param files the other JSON files by name without .json
     */
    Measurements(JsonNode jmh, Map<String, JsonNode> files) {
        List<JsonNode> results = new ArrayList<>();
        if (jmh != null) {
            jmh.forEach(results::add);
        }
        this.jmh = List.copyOf(results);
        this.files = Map.copyOf(files);
    }

    /** Every *.json in {@code dir}; jmh.json is JMH's. A missing folder measured nothing. */
    static Measurements read(Path dir, ObjectMapper json) throws IOException {
        Map<String, JsonNode> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    String name = p.getFileName().toString();
                    files.put(name.substring(0, name.length() - ".json".length()), json.readTree(p.toFile()));
                }
            }
        }
        JsonNode jmh = files.remove(JMH_FILE);
        return new Measurements(jmh, files);
    }

    /** The figure, or empty when this run did not measure it. */
    Optional<Figure> figure(FigureSpec.Value v) {
        return v.jmh() != null ? fromJmh(v) : fromFile(v);
    }

    /** A property shared by the JMH results (jmhVersion, jdkVersion, vmName ...), from the first one. */
    Optional<String> jmhProperty(String name) {
        return jmh.stream().map(r -> r.path(name)).filter(JsonNode::isValueNode).map(JsonNode::asText).findFirst();
    }

    private Optional<Figure> fromJmh(FigureSpec.Value v) {
        List<JsonNode> matches = jmh.stream()
                .filter(r -> named(r.path("benchmark").asText(), v.jmh()))
                .filter(r -> v.params().entrySet().stream()
                        .allMatch(p -> p.getValue().equals(r.path("params").path(p.getKey()).asText(null))))
                .toList();
        if (matches.size() > 1) {
            throw new IllegalArgumentException(v.jmh() + " " + v.params() + " matches " + matches.size()
                    + " results: name the @Param values in bench/figures.yaml");
        }
        if (matches.isEmpty()) {
            return Optional.empty();
        }
        JsonNode metric = matches.get(0).path("primaryMetric");
        JsonNode number = switch (v.stat()) {
            case "score" -> metric.path("score");
            case "error" -> metric.path("scoreError");
            default -> percentile(metric.path("scorePercentiles"), v.stat());
        };
        // JMH writes "NaN" as a string when it cannot tell an error (one iteration, say).
        if (number == null || !number.isNumber() || !Double.isFinite(number.asDouble())) {
            return Optional.empty();
        }
        return Optional.of(inUnit(number.asDouble(), metric.path("scoreUnit").asText()));
    }

    private Optional<Figure> fromFile(FigureSpec.Value v) {
        JsonNode file = files.get(v.file());
        if (file == null) {
            return Optional.empty();
        }
        JsonNode number = file.at(v.pointer());
        if (!number.isNumber() || !Double.isFinite(number.asDouble())) {
            return Optional.empty();
        }
        double x = number.asDouble();
        return Optional.of(v.in() == null ? Figure.number(x) : Figure.seconds(x * FigureFormat.secondsPer(v.in())));
    }

    /** Full name, or its last dot-separated segments. */
    private static boolean named(String benchmark, String name) {
        return benchmark.equals(name) || benchmark.endsWith("." + name);
    }

    /** p99 reads the "99.0" entry, p99.9 the "99.9" one. */
    private static JsonNode percentile(JsonNode percentiles, String stat) {
        if (!stat.startsWith("p")) {
            throw new IllegalArgumentException("unknown stat: " + stat + "; score, error or a percentile like p99");
        }
        double wanted = Double.parseDouble(stat.substring(1));
        for (Map.Entry<String, JsonNode> e : percentiles.properties()) {
            if (Double.parseDouble(e.getKey()) == wanted) {
                return e.getValue();
            }
        }
        return null;
    }

    /** A JMH score in its unit: "ms/op" is a time, "ops/s" a rate per second, anything else a plain number. */
    static Figure inUnit(double score, String unit) {
        int slash = unit.indexOf('/');
        if (slash > 0 && unit.endsWith("/op")) {
            return Figure.seconds(score * FigureFormat.secondsPer(unit.substring(0, slash)));
        }
        if (unit.startsWith("ops/")) {
            return Figure.number(score / FigureFormat.secondsPer(unit.substring("ops/".length())));
        }
        return Figure.number(score);
    }
}
