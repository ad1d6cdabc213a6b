package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.PerformanceRegressionDetector.Analysis;

/**
 * One finished analysis of a pair of samples under one snapshot of the settings: the engine's verdict and
 * distribution comparison, and the data of every chart. When the samples cannot be analysed with these
 * settings (NaN not dropped, no test chosen ...) {@code analysis} and {@code intervals} are null and
 * {@code error} says why; the shapes are still drawn.
 */
record AnalysisOutcome(Settings settings, SampleShapes shapes, Analysis analysis, IntervalData intervals,
                       TrendData trend, String error) {

    boolean succeeded() {
        return analysis != null;
    }
}
