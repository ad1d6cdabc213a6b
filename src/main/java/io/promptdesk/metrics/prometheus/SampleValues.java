package io.promptdesk.metrics.prometheus;

import java.util.regex.Pattern;

/**
 * Sample values as the Prometheus API writes them: JSON strings in Go's shortest float form ({@code "0.25"},
 * {@code "1e-07"}), or exactly {@code "NaN"}, {@code "+Inf"}, {@code "-Inf"}. Java's parser knows none of the two
 * infinity tokens and accepts forms Go never writes (hex, "Infinity"), so the grammar is checked first.
 */
final class SampleValues {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SampleValues() {
    }

    /** @throws NumberFormatException when {@code text} is not a value Prometheus writes */
    static double parse(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!DECIMAL.matcher(text).matches()) {
                    throw new NumberFormatException("'" + text + "' is not a Prometheus sample value");
                }
                return Double.parseDouble(text);
        }
    }
}
