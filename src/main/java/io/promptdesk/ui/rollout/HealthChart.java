package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.MetricSeries;
import io.promptdesk.app.rollout.RolloutFormat;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.metrics.Metric;
import io.promptdesk.ui.common.StyleClasses;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Arrays;
import java.util.Objects;

/**
 * One metric's health: a ChartFX chart of the canary against the stable version at each health check, with the
 * absolute threshold as a dashed line, and the last check's verdict for the metric with its reason below.
 * Datasets are replaced in bulk, once per snapshot.
 */
final class HealthChart extends VBox {
    private final Metric metric;
    private final DoubleDataSet canary = new DoubleDataSet("canary");
    private final DoubleDataSet stable = new DoubleDataSet("stable");
    private final DoubleDataSet threshold = new DoubleDataSet("threshold");
    private final Label verdict = new Label();
    private MetricSeries shown;

    HealthChart(Metric metric) {
        this.metric = metric;
        DefaultNumericAxis x = new DefaultNumericAxis("since start", "min");
        x.setForceZeroInRange(true);
        x.setAutoRangeRounding(false);
        x.setAutoUnitScaling(false);
        DefaultNumericAxis y = new DefaultNumericAxis(metric == Metric.LATENCY_P95 ? "p95" : "rate",
                RolloutFormat.unit(metric));
        y.setForceZeroInRange(true);
        y.setAutoRangePadding(0.1);
        y.setAutoUnitScaling(false);
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setTitle(RolloutFormat.title(metric));
        chart.setLegendVisible(true);
        chart.getStyleClass().add(StyleClasses.HEALTH_CHART);
        chart.setMinSize(160, 150);
        chart.setPrefSize(320, 220);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(true);
        // A few hundred checks at most: draw them all, reduction would hide the step where a fault began.
        renderer.setPointReduction(false);
        stable.addStyleClasses(StyleClasses.SERIES_STABLE);
        canary.addStyleClasses(StyleClasses.SERIES_CANARY);
        threshold.addStyleClasses(StyleClasses.SERIES_THRESHOLD);
        renderer.getDatasets().addAll(stable, canary, threshold);
        chart.getRenderers().setAll(renderer);
        verdict.getStyleClass().add(StyleClasses.HEALTH_VERDICT);
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(chart, verdict);
        setId("health-" + metric.key());
    }

    /** Shows a new series; the same one again (no new check) costs nothing. */
    void show(MetricSeries s) {
        if (s == null) {
            canary.clearData();
            stable.clearData();
            threshold.clearData();
            showVerdict(null, "");
            shown = null;
            return;
        }
        if (sameData(s)) {
            return;
        }
        canary.set(s.canary().x(), s.canary().y());
        stable.set(s.stable().x(), s.stable().y());
        if (s.threshold() == null) {
            threshold.clearData();
        } else {
            double end = Math.max(s.until(), 0.1);
            threshold.set(new double[]{0, end}, new double[]{s.threshold(), s.threshold()});
        }
        showVerdict(s.lastOutcome(), s.lastOutcome() == null ? "no check yet"
                : s.lastOutcome().key() + ": " + s.lastReason());
        shown = s;
    }

    private boolean sameData(MetricSeries s) {
        return shown != null && shown.canary().size() == s.canary().size() && shown.until() == s.until()
                && Objects.equals(shown.threshold(), s.threshold())
                && Arrays.equals(shown.canary().y(), s.canary().y())
                && Arrays.equals(shown.stable().y(), s.stable().y());
    }

    private void showVerdict(HealthOutcome outcome, String text) {
        verdict.setText(text);
        for (HealthOutcome o : HealthOutcome.values()) {
            verdict.pseudoClassStateChanged(PseudoClass.getPseudoClass(o.key()), o == outcome);
        }
    }

    Metric metric() {
        return metric;
    }

    Label verdictLabel() {
        return verdict;
    }
}
