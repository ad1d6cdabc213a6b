package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;

/**
 * The mean difference with its Welch interval against the zero line, inside the band of differences too small
 * to matter (|Cohen's d| below the minimum effect size): an interval clear of the band is a change that matters.
 */
final class DifferenceChart implements RegressionChart {

    private final DefaultNumericAxis y = ChartKit.axis("difference");
    private final XYChart chart = ChartKit.chart(ChartKit.categories(-1, 1, "current \u2212 baseline"), y);
    private final DoubleDataSet bandAbove = ChartKit.data("Minimum effect",
            ChartKit.style(ChartKit.NEUTRAL_FILL, 1, 0));
    private final DoubleDataSet bandBelow = ChartKit.data("Minimum effect",
            ChartKit.style(ChartKit.NEUTRAL_FILL, 1, 0));
    private final DoubleDataSet zero = ChartKit.data("Zero", ChartKit.style(ChartKit.NEUTRAL, 1.5, 0));
    private final DoubleErrorDataSet difference = ChartKit.errorData("Mean difference",
            ChartKit.style(ChartKit.CURRENT, 2.5, 6));

    DifferenceChart() {
        // The band is two areas filled towards zero, above and below; a solid line marks zero itself.
        ErrorDataSetRenderer zone = ChartKit.areas();
        zone.getDatasets().addAll(bandAbove, bandBelow);
        ErrorDataSetRenderer line = ChartKit.lines();
        line.getDatasets().add(zero);
        ErrorDataSetRenderer bar = ChartKit.errorBars(24, true);
        bar.getDatasets().add(difference);
        chart.getRenderers().addAll(zone, line, bar);
        chart.setLegendVisible(false);
    }

    @Override
    public String fileName() {
        return "mean-difference";
    }

    @Override
    public XYChart chart() {
        return chart;
    }

    @Override
    public String show(AnalysisOutcome o) {
        y.setName(o.settings().metricName() + " difference");
        IntervalData iv = o.intervals();
        double half = iv == null || !Double.isFinite(iv.bandHalf()) ? 0 : iv.bandHalf();
        double[] x = {-1, 1};
        bandAbove.set(x, new double[]{half, half});
        bandBelow.set(x, new double[]{-half, -half});
        zero.set(x, new double[]{0, 0});
        if (iv == null) {
            difference.clearData();
        } else {
            difference.set(new double[]{0}, new double[]{iv.difference()},
                    new double[]{finite(iv.difference() - iv.differenceLower())},
                    new double[]{finite(iv.differenceUpper() - iv.difference())});
        }
        return ChartCaptions.difference(o);
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
