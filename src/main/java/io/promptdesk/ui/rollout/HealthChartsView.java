package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.MetricSeries;

import io.promptdesk.metrics.Metric;
import io.promptdesk.ui.common.StyleClasses;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Live health of the selected rollout: the latest check's verdict and why, and one chart per health metric (charts
 * of metrics the rollout does not check stay empty).
 */
final class HealthChartsView extends BorderPane {
    public static final String LAST_CHECK_ID = "rollout-last-check";

    private final Map<Metric, HealthChart> charts = new EnumMap<>(Metric.class);

    HealthChartsView(RolloutViewModel vm) {
        Label lastCheck = new Label();
        lastCheck.setId(LAST_CHECK_ID);
        lastCheck.getStyleClass().add(StyleClasses.LAST_CHECK);
        lastCheck.setWrapText(true);
        lastCheck.textProperty().bind(vm.lastCheckProperty());
        HBox row = new HBox(8);
        row.setPadding(new Insets(0, 12, 0, 4));
        for (Metric m : Metric.values()) {
            HealthChart chart = new HealthChart(m);
            HBox.setHgrow(chart, Priority.ALWAYS);
            chart.setMaxWidth(Double.MAX_VALUE);
            charts.put(m, chart);
            row.getChildren().add(chart);
        }
        setTop(lastCheck);
        setCenter(row);
        vm.seriesProperty().addListener((obs, old, now) -> show(now));
        show(vm.seriesProperty().get());
    }

    private void show(List<MetricSeries> series) {
        charts.forEach((m, chart) -> chart.show(series.stream().filter(s -> s.metric() == m).findFirst()
                .orElse(null)));
    }
}
