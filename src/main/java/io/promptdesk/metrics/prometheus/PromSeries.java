package io.promptdesk.metrics.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a query result: its labels and its points in time order (a vector's series has one point).
 * Callers must not modify the arrays.
 *
 * @param times  Unix seconds, as the API sends them (millisecond precision)
 * @param values the sample values, NaN and infinities included
 */
public record PromSeries(Map<String, String> labels, double[] times, double[] values) {
    public PromSeries {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        if (times.length != values.length) {
            throw new IllegalArgumentException("a series needs as many times as values");
        }
    }

    /** The finite values, in time order: what a comparison of two series can use. */
    public double[] finiteValues() {
        return java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    /** The last value, or NaN when the series is empty. */
    public double lastValue() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }
}
