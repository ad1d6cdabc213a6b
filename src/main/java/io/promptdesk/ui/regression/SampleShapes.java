package io.promptdesk.ui.regression;

import java.util.Arrays;

/**
 * What the charts need from the two samples alone, whatever the settings: the finite values in order (for the
 * trend), the distributions and the box plots. Computed once per pair of samples and reused while only the
 * settings change.
 */
record SampleShapes(LoadedSample baseline, LoadedSample current, double[] finiteBaseline, double[] finiteCurrent,
                    DistributionData distribution, BoxStats baselineBox, BoxStats currentBox) {

    static SampleShapes of(LoadedSample baseline, LoadedSample current) {
        double[] b = baseline.finite();
        double[] c = current.finite();
        double[] sortedB = b.clone();
        double[] sortedC = c.clone();
        Arrays.sort(sortedB);
        Arrays.sort(sortedC);
        return new SampleShapes(baseline, current, b, c, Densities.of(sortedB, sortedC), BoxStats.of(sortedB),
                BoxStats.of(sortedC));
    }

    /** True when these shapes were computed from exactly these two loaded samples. */
    boolean isFor(LoadedSample b, LoadedSample c) {
        return baseline == b && current == c;
    }
}
