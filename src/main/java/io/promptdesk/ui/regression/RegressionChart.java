package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;

/** One of the workspace's charts: it owns its datasets and replaces their data, in bulk, per outcome. */
interface RegressionChart {

    /** File name stem for its PNG export. */
    String fileName();

    XYChart chart();

    /** Shows {@code outcome}; returns the caption for the title above the chart. */
    String show(AnalysisOutcome outcome);
}
