package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;

/**
 * Tukey box plots side by side, drawn with error bars: a capped bar from whisker to whisker, a thick bar from
 * the first to the third quartile (the box), and a zero-height bar whose wide caps mark the median.
 */
final class BoxPlotChart implements RegressionChart {

    private static final int BOX_WIDTH = 46;

    private final DefaultNumericAxis y = ChartKit.axis("metric");
    private final XYChart chart = ChartKit.chart(ChartKit.categories(-0.6, 1.6, "baseline", "current"), y);
    private final DoubleErrorDataSet baselineWhisker = ChartKit.errorData("Baseline whiskers",
            ChartKit.style(ChartKit.BASELINE, 1.5, 0));
    private final DoubleErrorDataSet currentWhisker = ChartKit.errorData("Current whiskers",
            ChartKit.style(ChartKit.CURRENT, 1.5, 0));
    private final DoubleErrorDataSet baselineBox = ChartKit.errorData("Baseline",
            ChartKit.style(ChartKit.BASELINE_BOX, BOX_WIDTH, 0));
    private final DoubleErrorDataSet currentBox = ChartKit.errorData("Current",
            ChartKit.style(ChartKit.CURRENT_BOX, BOX_WIDTH, 0));
    private final DoubleErrorDataSet medians = ChartKit.errorData("Medians", ChartKit.style(ChartKit.EMPHASIS, 2.5, 0));

    BoxPlotChart() {
        ErrorDataSetRenderer whiskers = ChartKit.errorBars(BOX_WIDTH / 2, false);
        whiskers.getDatasets().addAll(baselineWhisker, currentWhisker);
        ErrorDataSetRenderer boxes = ChartKit.errorBars(0, false);
        boxes.getDatasets().addAll(baselineBox, currentBox);
        ErrorDataSetRenderer medianMarks = ChartKit.errorBars(BOX_WIDTH, false);
        medianMarks.getDatasets().add(medians);
        chart.getRenderers().addAll(whiskers, boxes, medianMarks);
        chart.setLegendVisible(false);
    }

    @Override
    public String fileName() {
        return "box-plots";
    }

    @Override
    public XYChart chart() {
        return chart;
    }

    @Override
    public String show(AnalysisOutcome o) {
        BoxStats b = o.shapes().baselineBox();
        BoxStats c = o.shapes().currentBox();
        y.setName(o.settings().metricName());
        whisker(baselineWhisker, 0, b);
        whisker(currentWhisker, 1, c);
        box(baselineBox, 0, b);
        box(currentBox, 1, c);
        double[] none = {0, 0};
        medians.set(new double[]{0, 1}, new double[]{b.median(), c.median()}, none, none);
        return ChartCaptions.boxPlots(o);
    }

    private static void whisker(DoubleErrorDataSet ds, double x, BoxStats s) {
        ds.set(new double[]{x}, new double[]{s.median()}, new double[]{s.median() - s.lowWhisker()},
                new double[]{s.highWhisker() - s.median()});
    }

    private static void box(DoubleErrorDataSet ds, double x, BoxStats s) {
        ds.set(new double[]{x}, new double[]{s.median()}, new double[]{s.median() - s.q1()},
                new double[]{s.q3() - s.median()});
    }
}
