package io.promptdesk.ui.regression;

import io.promptdesk.ui.common.StyleClasses;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import javax.imageio.ImageIO;
import java.io.IOException;

/** A chart with its caption and a button that exports it as PNG. */
final class ChartPane extends VBox {

    private final RegressionChart chart;
    private final Label caption = new Label();

    ChartPane(RegressionChart chart, RegressionViewModel vm) {
        this.chart = chart;
        getStyleClass().add(StyleClasses.CHART_PANE);
        setId("chart-" + chart.fileName());
        caption.getStyleClass().add(StyleClasses.PANEL_TITLE);
        caption.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(caption.textProperty());
        caption.setTooltip(full);
        Button export = new Button("PNG");
        export.getStyleClass().addAll(atlantafx.base.theme.Styles.SMALL, atlantafx.base.theme.Styles.FLAT);
        export.setTooltip(new Tooltip("Export this chart as a PNG image"));
        export.setOnAction(e -> vm.exportChart(chart.fileName(), target -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(chart.chart().snapshot(null, null), null), "png",
                    target.toFile())) {
                throw new IOException("no PNG writer available");
            }
        }));
        export.disableProperty().bind(vm.canExportProperty().not());
        export.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(4, caption, gap, export);
        VBox.setVgrow(chart.chart(), Priority.ALWAYS);
        getChildren().addAll(header, chart.chart());
    }

    void show(AnalysisOutcome outcome) {
        caption.setText(chart.show(outcome));
    }
}
