package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.engine.stats.PerformanceRegressionDetector;

import java.util.List;

/**
 * The regression gate: compares the test run's per-case execution times (ms) with a baseline.
 *
 * @param enabled    false skips the gate (recorded as skipped)
 * @param baseline   where the baseline comes from
 * @param detector   the detector and its confidence, minimum effect size and outlier threshold
 * @param tests      t_test and/or mann_whitney; empty means both
 * @param direction  which change counts: increase (slower) by default
 * @param minSamples fewer baseline values than this skip the gate, saying so: no evidence either way
 */
public record RegressionGate(boolean enabled, Baseline baseline, PerformanceRegressionDetector detector,
                             List<String> tests, Direction direction, int minSamples) {
    public static final String METRIC = "execution_time_ms";
    public static final int DEFAULT_MIN_SAMPLES = 3;

    public RegressionGate {
        tests = tests == null ? List.of() : List.copyOf(tests);
        direction = direction == null ? Direction.INCREASE : direction;
        minSamples = Math.max(2, minSamples);
    }

    /** Against the production version's recorded run, with the detector's defaults, for slowdowns. */
    public static RegressionGate defaults() {
        return new RegressionGate(true, Baseline.production(), new PerformanceRegressionDetector(), List.of(),
                Direction.INCREASE, DEFAULT_MIN_SAMPLES);
    }

    public static RegressionGate disabled() {
        return new RegressionGate(false, Baseline.production(), new PerformanceRegressionDetector(), List.of(),
                Direction.INCREASE, DEFAULT_MIN_SAMPLES);
    }

    public RegressionGate withBaseline(Baseline b) {
        return new RegressionGate(enabled, b, detector, tests, direction, minSamples);
    }

    public RegressionGate withDetector(PerformanceRegressionDetector d) {
        return new RegressionGate(enabled, baseline, d, tests, direction, minSamples);
    }
}
