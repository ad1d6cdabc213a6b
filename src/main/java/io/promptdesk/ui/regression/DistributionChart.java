package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;

/** Both samples' density histograms overlaid, each with its kernel density curve. */
final class DistributionChart implements RegressionChart {

    private final DefaultNumericAxis x = ChartKit.axis("metric");
    private final XYChart chart = ChartKit.chart(x, ChartKit.axis("density"));
    private final DoubleDataSet baselineBars = ChartKit.data("Baseline", ChartKit.style(ChartKit.BASELINE_FILL, 1, 0));
    private final DoubleDataSet currentBars = ChartKit.data("Current", ChartKit.style(ChartKit.CURRENT_FILL, 1, 0));
    private final DoubleDataSet baselineCurve = ChartKit.data("Baseline density",
            ChartKit.style(ChartKit.BASELINE, 2, 0));
    private final DoubleDataSet currentCurve = ChartKit.data("Current density",
            ChartKit.style(ChartKit.CURRENT, 2, 0));

    DistributionChart() {
        ErrorDataSetRenderer bars = ChartKit.filledHistograms();
        bars.getDatasets().addAll(baselineBars, currentBars);
        ErrorDataSetRenderer curves = ChartKit.lines();
        curves.getDatasets().addAll(baselineCurve, currentCurve);
        chart.getRenderers().addAll(bars, curves);
        chart.setLegendVisible(false);
    }

    @Override
    public String fileName() {
        return "distributions";
    }

    @Override
    public XYChart chart() {
        return chart;
    }

    @Override
    public String show(AnalysisOutcome o) {
        DistributionData d = o.shapes().distribution();
        x.setName(o.settings().metricName());
        baselineBars.set(d.binCenters(), d.baselineDensity());
        currentBars.set(d.binCenters(), d.currentDensity());
        baselineCurve.set(d.curveX(), d.baselineCurve());
        currentCurve.set(d.curveX(), d.currentCurve());
        return ChartCaptions.distributions(o);
    }
}
