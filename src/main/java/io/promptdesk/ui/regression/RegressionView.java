package io.promptdesk.ui.regression;

import io.promptdesk.ui.common.StyleClasses;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The Regression workspace: samples and settings on the left, the charts in the middle, the verdict on the
 * right. The charts follow the view model's outcome; nothing here decides anything.
 */
public final class RegressionView extends BorderPane {

    public static final String EXPORT_REPORT_ID = "export-report";

    private final List<ChartPane> charts;

    public RegressionView(RegressionViewModel vm) {
        getStyleClass().add(StyleClasses.REGRESSION_WORKSPACE);
        ChartPane distributions = new ChartPane(new DistributionChart(), vm);
        ChartPane boxes = new ChartPane(new BoxPlotChart(), vm);
        ChartPane means = new ChartPane(new MeansChart(), vm);
        ChartPane difference = new ChartPane(new DifferenceChart(), vm);
        ChartPane trend = new ChartPane(new TrendChart(), vm);
        charts = List.of(distributions, boxes, means, difference, trend);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(6, 8, 8, 8));
        grid.add(distributions, 0, 0);
        grid.add(boxes, 1, 0);
        grid.add(means, 0, 1);
        grid.add(difference, 1, 1);
        grid.add(trend, 0, 2, 2, 1);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
        }
        for (int i = 0; i < 3; i++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(100.0 / 3);
            grid.getRowConstraints().add(r);
        }
        VBox center = new VBox(legend(), grid);
        VBox.setVgrow(grid, Priority.ALWAYS);

        VBox side = new VBox(new SampleSlotView(vm.baseline(), vm.runs()), new Separator(),
                new SampleSlotView(vm.current(), vm.runs()), new Separator(), new SettingsView(vm));
        ScrollPane left = new ScrollPane(side);
        left.setFitToWidth(true);
        left.setPrefWidth(310);
        left.setMinWidth(240);

        ScrollPane right = new ScrollPane(new VerdictView(vm));
        right.setFitToWidth(true);
        right.setPrefWidth(320);
        right.setMinWidth(240);

        setTop(toolbar(vm));
        setLeft(left);
        setCenter(center);
        setRight(right);

        vm.outcomeProperty().addListener((obs, old, now) -> show(now));
        if (vm.outcomeProperty().get() != null) {
            show(vm.outcomeProperty().get());
        }
    }

    private void show(AnalysisOutcome outcome) {
        for (ChartPane c : charts) {
            c.show(outcome);
        }
    }

    private static ToolBar toolbar(RegressionViewModel vm) {
        Label title = new Label("Regression");
        title.getStyleClass().add(StyleClasses.TOOLBAR_TITLE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = new Button("Export report\u2026");
        export.setId(EXPORT_REPORT_ID);
        export.setTooltip(new Tooltip("Save the verdict, the tests and the distributions as JSON"));
        export.setOnAction(e -> vm.exportReport());
        export.disableProperty().bind(vm.canExportProperty().not());
        return new ToolBar(title, gap, export);
    }

    private static HBox legend() {
        HBox legend = new HBox(14, swatch("Baseline", StyleClasses.LEGEND_BASELINE),
                swatch("Current", StyleClasses.LEGEND_CURRENT));
        legend.setPadding(new Insets(6, 8, 0, 10));
        return legend;
    }

    private static Label swatch(String text, String styleClass) {
        Region box = new Region();
        box.getStyleClass().addAll(StyleClasses.LEGEND_SWATCH, styleClass);
        box.setPrefSize(12, 12);
        box.setMaxSize(12, 12);
        return new Label(text, box);
    }
}
