package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The points of a trend after checks: x (timestamps or index), y, and the x of the next point. */
record TrendInput(double[] x, double[] y, double xNext, List<String> warnings) {

    static TrendInput of(double[] values, double[] timestamps, boolean dropNonFinite) {
        if (values == null) {
            throw new BadInputException("trend: no values given");
        }
        if (timestamps != null && timestamps.length != values.length) {
            throw new BadInputException("trend: " + values.length + " values but " + timestamps.length
                    + " timestamps; give one timestamp per value");
        }
        int n = values.length;
        double[] x = new double[n];
        double[] y = new double[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            double xi = timestamps == null ? i : timestamps[i];
            if (!Double.isFinite(values[i]) || !Double.isFinite(xi)) {
                if (!dropNonFinite) {
                    String what = Double.isFinite(values[i]) ? "timestamp " + xi : "value " + values[i];
                    throw new BadInputException("trend point #" + (i + 1) + " has " + what
                            + ": only finite numbers can be fitted (ask to drop non-finite values to ignore it)");
                }
                continue;
            }
            x[kept] = xi;
            y[kept] = values[i];
            kept++;
        }
        List<String> warnings = new ArrayList<>();
        if (kept < n) {
            warnings.add("dropped " + (n - kept) + " point(s) with a non-finite value or timestamp");
            x = Arrays.copyOf(x, kept);
            y = Arrays.copyOf(y, kept);
        }
        if (kept < 2) {
            throw new BadInputException("trend: " + kept + " usable point(s); at least 2 are needed for a slope");
        }
        double xNext = timestamps == null ? n : x[kept - 1] + (x[kept - 1] - x[0]) / (kept - 1);
        return new TrendInput(x, y, xNext, warnings);
    }

    TrendResult fit() {
        return LinearTrend.fit(x, y, xNext, warnings);
    }
}
