package io.promptdesk.ui.regression;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.spi.DoubleErrorDataSet;
import io.promptdesk.ui.common.StyleClasses;

/**
 * The few ChartFX building blocks the Regression charts share: a quiet chart, renderers for filled histograms,
 * lines, error bars and bands, and dataset styles that name our colour tokens (defined in theme.css on
 * {@code .regression-workspace}, from AtlantaFX's chart and semantic colours), so light and dark both work.
 */
final class ChartKit {

    /** Colour tokens of theme.css. */
    static final String BASELINE = "-pd-baseline";
    static final String BASELINE_FILL = "-pd-baseline-fill";
    static final String CURRENT = "-pd-current";
    static final String CURRENT_FILL = "-pd-current-fill";
    static final String BASELINE_BOX = "-pd-baseline-box";
    static final String CURRENT_BOX = "-pd-current-box";
    static final String NEUTRAL = "-pd-neutral";
    static final String NEUTRAL_FILL = "-pd-neutral-fill";
    static final String EMPHASIS = "-pd-emphasis";

    private ChartKit() {
    }

    static XYChart chart(DefaultNumericAxis x, DefaultNumericAxis y) {
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.getRenderers().clear();
        chart.getStyleClass().add(StyleClasses.REGRESSION_CHART);
        chart.setMinSize(120, 120);
        chart.setPrefSize(320, 220);
        return chart;
    }

    /** An axis over fixed category slots 0, 1 ... labelled by {@code names}, ticks only at the slots. */
    static DefaultNumericAxis categories(double min, double max, String... names) {
        DefaultNumericAxis axis = new DefaultNumericAxis(null, null);
        axis.setAutoRanging(false);
        axis.setMin(min);
        axis.setMax(max);
        axis.setTickUnit(1);
        axis.setMinorTickCount(0);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int i = (int) Math.round(v);
                return Math.abs(v - i) < 1e-9 && i >= 0 && i < names.length ? names[i] : "";
            }

            @Override
            public Number fromString(String s) {
                return java.util.Arrays.asList(names).indexOf(s);
            }
        });
        return axis;
    }

    static DefaultNumericAxis axis(String name) {
        // No unit: ChartFX would print an empty "[]" after the name.
        DefaultNumericAxis axis = new DefaultNumericAxis(name, null);
        axis.setAutoRangeRounding(false);
        axis.setAutoRangePadding(0.05);
        axis.setAutoUnitScaling(false);
        return axis;
    }

    /** An axis of counts or indexes, ticks written 250k and 1.5M rather than in scientific notation. */
    static DefaultNumericAxis countAxis(String name) {
        DefaultNumericAxis axis = axis(name);
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Format.compact(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        return axis;
    }

    static ErrorDataSetRenderer filledHistograms() {
        return renderer(LineStyle.HISTOGRAM_FILLED, ErrorStyle.NONE, false);
    }

    static ErrorDataSetRenderer lines() {
        return renderer(LineStyle.NORMAL, ErrorStyle.NONE, false);
    }

    /** Fills between each line and y = 0 with the line colour (use a translucent one). */
    static ErrorDataSetRenderer areas() {
        return renderer(LineStyle.AREA, ErrorStyle.NONE, false);
    }

    static ErrorDataSetRenderer points() {
        return renderer(LineStyle.NONE, ErrorStyle.NONE, true);
    }

    /** Vertical error bars with caps {@code capWidth} pixels wide; markers on request. */
    static ErrorDataSetRenderer errorBars(int capWidth, boolean markers) {
        ErrorDataSetRenderer r = renderer(LineStyle.NONE, ErrorStyle.ERRORBARS, markers);
        r.setDashSize(capWidth);
        return r;
    }

    private static ErrorDataSetRenderer renderer(LineStyle line, ErrorStyle errors, boolean markers) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setPolyLineStyle(line);
        r.setErrorStyle(errors);
        r.setDrawMarker(markers);
        // The data is already reduced off the FX thread; drawing every point keeps histograms exact.
        r.setPointReduction(false);
        return r;
    }

    static DoubleDataSet data(String name, String style) {
        DoubleDataSet ds = new DoubleDataSet(name);
        ds.setStyle(style);
        return ds;
    }

    static DoubleErrorDataSet errorData(String name, String style) {
        DoubleErrorDataSet ds = new DoubleErrorDataSet(name);
        ds.setStyle(style);
        return ds;
    }

    /** A dataset style: line (and fill) colour token and width, marker colour and size. */
    static String dashed(String colour, double lineWidth) {
        return style(colour, lineWidth, 0) + " -fx-line-dash-array: 5 4;";
    }

    static String style(String colour, double lineWidth, double markerSize) {
        return "-fx-line-color: " + colour + "; -fx-line-width: " + lineWidth + "; -fx-marker-color: " + colour
                + "; -fx-marker-size: " + markerSize + "; -fx-marker-type: circle;";
    }
}
