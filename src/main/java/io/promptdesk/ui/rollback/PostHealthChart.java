package io.promptdesk.ui.rollback;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.promptdesk.engine.rollback.HealthSnapshot;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.List;

/**
 * The live post-rollback health of the production version at each snapshot: error rate and p95 latency, one chart
 * each with its own unit (a percentage and seconds share no scale). A snapshot without data (too little traffic,
 * metrics unavailable) leaves a gap rather than a zero. The datasets are replaced in bulk once per batch.
 */
final class PostHealthChart extends VBox {
    static final String ERRORS_ID = "post-health-errors";
    static final String LATENCY_ID = "post-health-latency";

    private final DoubleDataSet errors = new DoubleDataSet("error rate");
    private final DoubleDataSet latency = new DoubleDataSet("p95 latency");

    PostHealthChart(ObservableList<HealthSnapshot> snapshots) {
        super(4);
        XYChart errorChart = chart("Post-rollback error rate", "error rate", "%", errors);
        errorChart.setId(ERRORS_ID);
        XYChart latencyChart = chart("Post-rollback p95 latency", "p95 latency", "s", latency);
        latencyChart.setId(LATENCY_ID);
        VBox.setVgrow(errorChart, Priority.ALWAYS);
        VBox.setVgrow(latencyChart, Priority.ALWAYS);
        getChildren().addAll(errorChart, latencyChart);
        snapshots.addListener((ListChangeListener<HealthSnapshot>) c -> show(List.copyOf(snapshots)));
        show(List.copyOf(snapshots));
    }

    private static XYChart chart(String title, String quantity, String unit, DoubleDataSet data) {
        DefaultNumericAxis x = new DefaultNumericAxis("since rollback", "s");
        x.setForceZeroInRange(true);
        x.setAutoUnitScaling(false);
        DefaultNumericAxis y = new DefaultNumericAxis(quantity, unit);
        y.setForceZeroInRange(true);
        y.setAutoUnitScaling(false);
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setMinSize(200, 120);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(true);
        renderer.setPointReduction(false);
        renderer.getDatasets().add(data);
        chart.getRenderers().setAll(renderer);
        return chart;
    }

    private void show(List<HealthSnapshot> all) {
        if (all.isEmpty()) {
            errors.clearData();
            latency.clearData();
            return;
        }
        Series e = new Series(all.size());
        Series l = new Series(all.size());
        for (HealthSnapshot s : all) {
            double t = Duration.between(all.get(0).at(), s.at()).toMillis() / 1000.0;
            e.add(t, s.errorRate() * 100);
            l.add(t, s.latencyP95());
        }
        errors.set(e.x(), e.y());
        latency.set(l.x(), l.y());
    }

    /** The finite points of one metric. */
    private static final class Series {
        private final double[] x;
        private final double[] y;
        private int n;

        Series(int capacity) {
            x = new double[capacity];
            y = new double[capacity];
        }

        void add(double t, double v) {
            if (Double.isFinite(v)) {
                x[n] = t;
                y[n] = v;
                n++;
            }
        }

        double[] x() {
            return java.util.Arrays.copyOf(x, n);
        }

        double[] y() {
            return java.util.Arrays.copyOf(y, n);
        }
    }
}
