package io.promptdesk.ui.regression;

import java.util.Arrays;

/**
 * A sample ready for analysis, with where it came from. Values are kept as read, NaN and infinities included:
 * the "drop NaN" setting decides later whether they are dropped or rejected.
 *
 * @param description where the values came from, for the person ("latency-baseline.csv, column latency_ms")
 */
public record LoadedSample(String description, double[] values) {

    public LoadedSample {
        values = values.clone();
    }

    /** A copy; the record's array is never handed out. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The values, sharing the record's array: for analysis code that only reads. */
    double[] view() {
        return values;
    }

    public int size() {
        return values.length;
    }

    /** The finite values, in order. */
    double[] finite() {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                out[n++] = v;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadedSample s && description.equals(s.description) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * description.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "LoadedSample[" + description + ", " + values.length + " value(s)]";
    }
}
