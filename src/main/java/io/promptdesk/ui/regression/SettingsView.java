package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The analysis settings, each bound both ways to the view model, which re-analyses on every change. */
final class SettingsView extends VBox {

    SettingsView(RegressionViewModel vm) {
        getStyleClass().add(StyleClasses.PANEL);
        Label title = new Label("Settings");
        title.getStyleClass().add(StyleClasses.PANEL_TITLE);

        TextField metric = new TextField();
        metric.setId("metric-name");
        metric.textProperty().bindBidirectional(vm.metricNameProperty());
        CheckBox t = new CheckBox("Welch t-test");
        t.selectedProperty().bindBidirectional(vm.tTestProperty());
        CheckBox u = new CheckBox("Mann-Whitney U");
        u.selectedProperty().bindBidirectional(vm.mannWhitneyProperty());
        ComboBox<Direction> direction = new ComboBox<>();
        direction.getItems().setAll(Direction.values());
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        direction.setConverter(new StringConverter<>() {
            @Override
            public String toString(Direction d) {
                return d == null ? "" : d.label();
            }

            @Override
            public Direction fromString(String s) {
                return Direction.parse(s);
            }
        });
        direction.setTooltip(new Tooltip("increase: a higher current is worse (latency, cost); decrease: a lower "
                + "one is (accuracy); both: any change"));
        ComboBox<TrendSeries> trend = new ComboBox<>();
        trend.getItems().setAll(TrendSeries.values());
        trend.valueProperty().bindBidirectional(vm.trendSeriesProperty());
        // Wide enough for its longest choice at any window size: a cut-off choice reads as a different one.
        trend.setMinWidth(Region.USE_PREF_SIZE);
        CheckBox dropNaN = new CheckBox("Drop NaN and infinities");
        dropNaN.selectedProperty().bindBidirectional(vm.dropNonFiniteProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().add(labels);
        int row = 0;
        grid.addRow(row++, new Label("Metric"), metric);
        grid.addRow(row++, new Label("Tests"), new VBox(4, t, u));
        grid.addRow(row++, new Label("Direction"), direction);
        grid.addRow(row++, new Label("Confidence"), spinner(vm.confidenceProperty(), 0.5, 0.999, 0.01,
                "Confidence level of the tests and intervals"));
        grid.addRow(row++, new Label("Min. effect"), spinner(vm.minEffectSizeProperty(), 0, 5, 0.1,
                "Smallest |Cohen's d| that counts as a regression"));
        grid.addRow(row++, new Label("Outliers"), spinner(vm.outlierThresholdProperty(), 0, 20, 0.5,
                "Drop values whose modified z-score exceeds this; 0 keeps all"));
        grid.addRow(row++, new Label("Trend of"), trend);
        grid.add(dropNaN, 1, row);
        setSpacing(6);
        getChildren().addAll(title, grid);
    }

    private static Spinner<Double> spinner(ObjectProperty<Double> value, double min, double max, double step,
                                           String tip) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max,
                value.get(), step));
        s.setEditable(true);
        s.setPrefWidth(110);
        s.setTooltip(new Tooltip(tip));
        s.getValueFactory().valueProperty().bindBidirectional(value);
        return s;
    }
}
