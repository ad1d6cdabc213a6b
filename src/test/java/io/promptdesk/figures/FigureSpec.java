package io.promptdesk.figures;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/figures.yaml: the header above README's measured table and its rows, each naming where its figures come
 * from, so that adding a row is editing data.
 *
 * @param header text above the table; {date}, {machine}, {jdk}, {version}, {jmh}, {jmhArgs} and {load} are filled in
 * @param rows   the table's rows, in order
 */
record FigureSpec(String header, List<Row> rows) {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    FigureSpec {
        rows = List.copyOf(rows);
        Set<String> labels = new LinkedHashSet<>();
        for (Row row : rows) {
            if (!labels.add(row.what())) {
                throw new IllegalArgumentException("two rows are labelled " + row.what());
            }
        }
    }

    /**
     * One row of the table.
     *
     * @param what     the first cell; also the key that finds the row's previous cell in the README
     * @param was      earlier labels of the row, so that a renamed row still finds its previous cell
     * @param goal     the second cell, as written
     * @param measured templates of the third cell, most complete first: the first whose {name}s all have a value in
     *                 this run is used; none (or no template at all, for figures no script produces) keeps the
     *                 previous cell
     * @param values   the {name}s of the templates
     */
    record Row(String what, List<String> was, String goal, List<String> measured, Map<String, Value> values) {
        Row {
            if (what == null || what.isBlank()) {
                throw new IllegalArgumentException("a row without a label (what)");
            }
            was = was == null ? List.of() : List.copyOf(was);
            goal = goal == null ? "" : goal;
            measured = measured == null ? List.of() : List.copyOf(measured);
            values = values == null ? Map.of() : Map.copyOf(values);
            for (String template : measured) {
                Matcher m = PLACEHOLDER.matcher(template);
                while (m.find()) {
                    if (!values.containsKey(m.group(1))) {
                        throw new IllegalArgumentException("row '" + what + "' uses {" + m.group(1)
                                + "} but has no value of that name");
                    }
                }
            }
        }
    }

    /**
     * Where one figure comes from and how it is written.
     *
     * @param jmh     a benchmark, by its full name or its last segments (SqlInjectionBench.benignProse300)
     * @param params  the benchmark's {@code @Param} values that pick one result
     * @param stat    score (the default), error, or a percentile of a sampled benchmark: p50, p99, p99.9
     * @param file    or: a JSON file of the run, by name without .json (million reads target/bench/million.json)
     * @param pointer the number's JSON pointer in that file (/four/10000/java_ms)
     * @param in      the unit of that number if it is a time: ns, us, ms or s
     * @param show    how to write it: ns, us, ms, s, time (the unit that suits), count (1,234), million (20.7)
     * @param digits  significant digits, 2 unless given
     */
    record Value(String jmh, Map<String, String> params, String stat, String file, String pointer, String in,
                 String show, Integer digits) {
        Value {
            if ((jmh == null) == (file == null)) {
                throw new IllegalArgumentException("a value names a jmh benchmark or a file, not "
                        + (jmh == null ? "neither" : "both (" + jmh + ", " + file + ")"));
            }
            if (file != null && pointer == null) {
                throw new IllegalArgumentException("the value from " + file + " has no pointer");
            }
            params = params == null ? Map.of() : Map.copyOf(params);
            stat = stat == null ? "score" : stat;
            show = show == null ? "plain" : show;
            digits = digits == null ? 2 : digits;
            FigureFormat.checkShow(show);
            if (in != null) {
                FigureFormat.secondsPer(in);
            }
        }
    }

    static FigureSpec load(Path yaml) throws IOException {
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .build();
        return mapper.readValue(yaml.toFile(), FigureSpec.class);
    }
}
