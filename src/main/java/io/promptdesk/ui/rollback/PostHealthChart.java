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
import javafx.scene.layout.StackPane;

import java.time.Duration;
import java.util.List;

/**
 * The live post-rollback health: error rate (%) and p95 latency (s) of the production version at each snapshot.
 * The datasets are replaced in bulk once per batch of snapshots.
 */
final class PostHealthChart extends StackPane {
    private final DoubleDataSet errors = new DoubleDataSet("error rate %");
    private final DoubleDataSet latency = new DoubleDataSet("p95 latency s");

    PostHealthChart(ObservableList<HealthSnapshot> snapshots) {
        DefaultNumericAxis x = new DefaultNumericAxis("since rollback", "s");
        x.setForceZeroInRange(true);
        x.setAutoUnitScaling(false);
        DefaultNumericAxis y = new DefaultNumericAxis("error rate (%) and p95 latency (s)");
        y.setForceZeroInRange(true);
        y.setAutoUnitScaling(false);
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setTitle("Post-rollback health");
        chart.setLegendVisible(true);
        chart.setMinSize(200, 160);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(true);
        renderer.setPointReduction(false);
        renderer.getDatasets().addAll(errors, latency);
        chart.getRenderers().setAll(renderer);
        getChildren().add(chart);
        snapshots.addListener((ListChangeListener<HealthSnapshot>) c -> show(List.copyOf(snapshots)));
        show(List.copyOf(snapshots));
    }

    private void show(List<HealthSnapshot> all) {
        if (all.isEmpty()) {
            errors.clearData();
            latency.clearData();
            return;
        }
        int n = all.size();
        double[] t = new double[n];
        double[] e = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            HealthSnapshot s = all.get(i);
            t[i] = Duration.between(all.get(0).at(), s.at()).toMillis() / 1000.0;
            e[i] = Double.isNaN(s.errorRate()) ? 0 : s.errorRate() * 100;
            l[i] = Double.isNaN(s.latencyP95()) ? 0 : s.latencyP95();
        }
        errors.set(t, e);
        latency.set(t, l);
    }
}
