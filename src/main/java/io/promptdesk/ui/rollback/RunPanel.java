package io.promptdesk.ui.rollback;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The running or finished rollback: its steps, the SLA countdown, the result with its duration against the SLA,
 * and the health before and after side by side.
 */
final class RunPanel extends VBox {
    static final String STATUS_ID = "rollback-status";
    static final String SLA_ID = "rollback-sla";
    static final String COUNTDOWN_ID = "rollback-countdown";
    private static final List<String> STATUSES = List.of("running", "success", "failed", "timeout");

    RunPanel(RollbackRunModel run) {
        getStyleClass().add("rollback-run");
        Label title = new Label();
        title.getStyleClass().add("rollback-run-title");
        title.textProperty().bind(run.titleProperty());
        title.setWrapText(true);
        Label countdown = new Label();
        countdown.setId(COUNTDOWN_ID);
        countdown.getStyleClass().add("rollback-countdown");
        countdown.textProperty().bind(run.countdownProperty());
        countdown.setWrapText(true);
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("rollback-result");
        status.textProperty().bind(run.statusProperty());
        run.statusProperty().addListener((obs, old, now) -> STATUSES.forEach(s ->
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), s.equals(now))));
        Label sla = new Label();
        sla.setId(SLA_ID);
        sla.getStyleClass().add("rollback-sla");
        sla.textProperty().bind(run.slaMetProperty());
        Label duration = new Label();
        duration.textProperty().bind(run.durationProperty());
        HBox outcome = new HBox(12, status, sla, duration);
        outcome.getStyleClass().add("rollback-outcome");
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add("rollback-error");
        error.textProperty().bind(run.errorProperty());
        error.visibleProperty().bind(run.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        getChildren().addAll(title, new StepsView(run), countdown, outcome, error, health(run));
        visibleProperty().bind(run.shownProperty());
    }

    private static GridPane health(RollbackRunModel run) {
        Label before = new Label("Before (pre-rollback)");
        Label after = new Label("After (post-rollback)");
        before.getStyleClass().add("panel-title");
        after.getStyleClass().add("panel-title");
        Label pre = new Label();
        pre.textProperty().bind(run.preHealthProperty());
        pre.setId("rollback-pre-health");
        Label post = new Label();
        post.textProperty().bind(run.postHealthTextProperty());
        post.setId("rollback-post-health");
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(4);
        grid.addRow(0, before, after);
        grid.addRow(1, pre, post);
        GridPane.setHgrow(pre, Priority.ALWAYS);
        GridPane.setHgrow(post, Priority.ALWAYS);
        grid.getStyleClass().add("rollback-health");
        return grid;
    }
}
