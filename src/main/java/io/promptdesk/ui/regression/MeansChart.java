package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;

/** Each group's mean (after outlier removal) with its t confidence interval as an error bar. */
final class MeansChart implements RegressionChart {

    private final DefaultNumericAxis y = ChartKit.axis("metric");
    private final XYChart chart = ChartKit.chart(ChartKit.categories(-0.6, 1.6, "baseline", "current"), y);
    private final DoubleErrorDataSet baseline = ChartKit.errorData("Baseline mean",
            ChartKit.style(ChartKit.BASELINE, 2, 5));
    private final DoubleErrorDataSet current = ChartKit.errorData("Current mean",
            ChartKit.style(ChartKit.CURRENT, 2, 5));

    MeansChart() {
        ErrorDataSetRenderer bars = ChartKit.errorBars(18, true);
        bars.getDatasets().addAll(baseline, current);
        chart.getRenderers().add(bars);
        chart.setLegendVisible(false);
    }

    @Override
    public String fileName() {
        return "means";
    }

    @Override
    public XYChart chart() {
        return chart;
    }

    @Override
    public String show(AnalysisOutcome o) {
        y.setName(o.settings().metricName());
        IntervalData iv = o.intervals();
        if (iv == null) {
            baseline.clearData();
            current.clearData();
        } else {
            point(baseline, 0, iv.baselineMean(), iv.baselineHalf());
            point(current, 1, iv.currentMean(), iv.currentHalf());
        }
        return ChartCaptions.means(o);
    }

    private static void point(DoubleErrorDataSet ds, double x, double mean, double half) {
        double h = Double.isFinite(half) ? half : 0;
        ds.set(new double[]{x}, new double[]{mean}, new double[]{h}, new double[]{h});
    }
}
