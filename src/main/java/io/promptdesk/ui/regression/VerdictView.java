package io.promptdesk.ui.regression;

import io.promptdesk.ui.common.StyleClasses;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The verdict: a coloured headline (danger or success), the recommendation, each number, the warnings. */
final class VerdictView extends VBox {

    static final String HEADLINE_ID = "verdict-headline";

    private final Label headline = new Label();
    private final Label recommendation = new Label();
    private final VBox rows = new VBox(4);
    private final VBox warnings = new VBox(2);

    VerdictView(RegressionViewModel vm) {
        getStyleClass().addAll(StyleClasses.PANEL, StyleClasses.VERDICT);
        headline.setId(HEADLINE_ID);
        headline.getStyleClass().add(StyleClasses.VERDICT_HEADLINE);
        headline.setMaxWidth(Double.MAX_VALUE);
        // The verdict is the first thing read: it wraps rather than being cut off in a narrow pane.
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        recommendation.setWrapText(true);
        recommendation.setId("verdict-recommendation");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        HBox top = new HBox(6, headline, busy);
        HBox.setHgrow(headline, javafx.scene.layout.Priority.ALWAYS);
        setSpacing(8);
        getChildren().addAll(top, recommendation, rows, warnings);
        vm.verdictProperty().addListener((obs, old, now) -> show(now));
        show(vm.verdictProperty().get());
    }

    private void show(Verdict v) {
        headline.setText(v.headline());
        headline.getStyleClass().removeAll(StyleClasses.VERDICT_REGRESSION, StyleClasses.VERDICT_OK,
                StyleClasses.VERDICT_WAITING, StyleClasses.VERDICT_FAILED);
        headline.getStyleClass().add(switch (v.status()) {
            case REGRESSION -> StyleClasses.VERDICT_REGRESSION;
            case NO_REGRESSION -> StyleClasses.VERDICT_OK;
            case FAILED -> StyleClasses.VERDICT_FAILED;
            case WAITING -> StyleClasses.VERDICT_WAITING;
        });
        recommendation.setText(v.recommendation());
        rows.getChildren().clear();
        for (Verdict.Row r : v.rows()) {
            Label label = new Label(r.label());
            label.getStyleClass().add(StyleClasses.VERDICT_LABEL);
            Label value = new Label(r.value());
            value.getStyleClass().add(StyleClasses.VERDICT_VALUE);
            value.setWrapText(true);
            rows.getChildren().add(new VBox(0, label, value));
        }
        warnings.getChildren().clear();
        for (String w : v.warnings()) {
            Label l = new Label("\u26a0 " + w);
            l.setWrapText(true);
            l.getStyleClass().add(StyleClasses.VERDICT_WARNING);
            warnings.getChildren().add(l);
        }
    }
}
