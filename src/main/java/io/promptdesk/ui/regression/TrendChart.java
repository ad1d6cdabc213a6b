package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;

/** The measurements in order, the fitted line with its 95% prediction band, and the predicted next point. */
final class TrendChart implements RegressionChart {

    private final DefaultNumericAxis x = ChartKit.countAxis("measurement #");
    private final DefaultNumericAxis y = ChartKit.axis("metric");
    private final XYChart chart = ChartKit.chart(x, y);
    private final DoubleDataSet baseline = ChartKit.data("Baseline", ChartKit.style(ChartKit.BASELINE, 1, 2));
    private final DoubleDataSet current = ChartKit.data("Current", ChartKit.style(ChartKit.CURRENT, 1, 2));
    private final DoubleDataSet fit = ChartKit.data("Fit", ChartKit.style(ChartKit.EMPHASIS, 2, 0));
    private final DoubleDataSet bandLow = ChartKit.data("Prediction band", ChartKit.dashed(ChartKit.EMPHASIS, 1));
    private final DoubleDataSet bandHigh = ChartKit.data("Prediction band", ChartKit.dashed(ChartKit.EMPHASIS, 1));
    private final DoubleErrorDataSet next = ChartKit.errorData("Next point",
            ChartKit.style(ChartKit.EMPHASIS, 2, 4));

    TrendChart() {
        // The range follows the distributions' range (and the band), so rare spikes do not flatten the trend.
        y.setAutoRanging(false);
        ErrorDataSetRenderer points = ChartKit.points();
        points.getDatasets().addAll(baseline, current);
        ErrorDataSetRenderer band = ChartKit.lines();
        band.getDatasets().addAll(fit, bandLow, bandHigh);
        ErrorDataSetRenderer prediction = ChartKit.errorBars(12, true);
        prediction.getDatasets().add(next);
        chart.getRenderers().addAll(points, band, prediction);
        chart.setLegendVisible(false);
    }

    @Override
    public String fileName() {
        return "trend";
    }

    @Override
    public XYChart chart() {
        return chart;
    }

    @Override
    public String show(AnalysisOutcome o) {
        TrendData t = o.trend();
        y.setName(o.settings().metricName());
        x.setName(ChartCaptions.trendAxis(o));
        baseline.set(t.baselineX(), t.baselineY());
        current.set(t.currentX(), t.currentY());
        y.setMin(t.yMin());
        y.setMax(t.yMax());
        if (t.fit() == null) {
            fit.clearData();
            bandLow.clearData();
            bandHigh.clearData();
            next.clearData();
        } else {
            fit.set(t.lineX(), t.lineY());
            bandLow.set(t.lineX(), t.bandLower());
            bandHigh.set(t.lineX(), t.bandUpper());
            var p = t.fit().prediction();
            double low = Double.isFinite(p.lower()) ? p.value() - p.lower() : 0;
            double high = Double.isFinite(p.upper()) ? p.upper() - p.value() : 0;
            next.set(new double[]{p.at()}, new double[]{p.value()}, new double[]{low}, new double[]{high});
        }
        return ChartCaptions.trend(o);
    }
}
