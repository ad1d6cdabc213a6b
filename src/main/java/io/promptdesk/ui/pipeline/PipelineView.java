package io.promptdesk.ui.pipeline;

import io.promptdesk.engine.pipeline.StepStatus;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** The Pipeline workspace: the form, one line per step with its status and result, the outcome and the links. */
public final class PipelineView extends VBox {
    public static final String RUN_BUTTON_ID = "pipeline-run";
    public static final String STATUS_ID = "pipeline-status";
    public static final String ROLLOUT_LINK_ID = "pipeline-open-rollout";
    public static final String REGRESSION_LINK_ID = "pipeline-open-regression";
    private static final List<String> BADGES = List.of(StyleClasses.BADGE_PASS, StyleClasses.BADGE_WARN,
            StyleClasses.BADGE_FAIL);

    public PipelineView(PipelineViewModel vm) {
        super(12);
        setPadding(new Insets(16));
        Label title = new Label("Pipeline");
        title.getStyleClass().add("title-3");

        TextField deployment = field(vm.deploymentProperty().get(), "e.g. product-copy");
        deployment.textProperty().bindBidirectional(vm.deploymentProperty());
        deployment.setId("pipeline-deployment");
        TextField version = field("", "e.g. 1.2");
        version.textProperty().bindBidirectional(vm.versionProperty());
        version.setId("pipeline-version");
        TextField stages = field("", "10,25,50,100");
        stages.textProperty().bindBidirectional(vm.stagesProperty());
        CheckBox rollback = new CheckBox("Roll back automatically when a stage turns unhealthy");
        rollback.selectedProperty().bindBidirectional(vm.autoRollbackProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Deployment"), deployment);
        form.addRow(1, new Label("Version"), version);
        form.addRow(2, new Label("Rollout stages (%)"), stages);
        form.add(rollback, 1, 3);

        Button run = new Button("Run pipeline");
        run.setId(RUN_BUTTON_ID);
        run.setDefaultButton(true);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        run.setTooltip(new Tooltip("Test the Author's current template, gate it, register it and start its rollout"));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(20, 20);
        busy.visibleProperty().bind(vm.busyProperty());

        GridPane stepsGrid = new GridPane();
        stepsGrid.setHgap(12);
        stepsGrid.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        stepsGrid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), grow);
        int row = 0;
        for (StepRow s : vm.steps()) {
            Label status = new Label();
            status.setId("pipeline-step-" + s.step().key());
            status.getStyleClass().add(StyleClasses.BADGE);
            status.textProperty().bind(Bindings.createStringBinding(() -> s.statusProperty().get() == null ? "-"
                    : s.statusProperty().get().key(), s.statusProperty()));
            s.statusProperty().addListener((obs, old, now) -> badge(status, now));
            Label summary = new Label();
            summary.setWrapText(true);
            summary.textProperty().bind(s.summaryProperty());
            Label name = new Label(s.title());
            // Names and badges keep their width; only the result wraps.
            name.setMinWidth(Region.USE_PREF_SIZE);
            status.setMinWidth(Region.USE_PREF_SIZE);
            stepsGrid.addRow(row++, name, status, summary);
        }

        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label rollout = new Label();
        rollout.textProperty().bind(vm.rolloutProperty());
        Hyperlink toRegression = new Hyperlink("Open the test run in the Regression workspace");
        toRegression.setId(REGRESSION_LINK_ID);
        toRegression.disableProperty().bind(vm.canOpenRegressionProperty().not());
        toRegression.setOnAction(e -> vm.openRegression());
        Hyperlink toRollout = new Hyperlink("Follow the rollout in the Rollout workspace");
        toRollout.setId(ROLLOUT_LINK_ID);
        toRollout.disableProperty().bind(vm.canOpenRolloutProperty().not());
        toRollout.setOnAction(e -> vm.openRollout());

        getChildren().addAll(title, form, new HBox(8, io.promptdesk.ui.common.RoleLock.lock(run, vm.whyNot()), busy),
                stepsGrid, status, rollout,
                new HBox(16, toRegression, toRollout));
    }

    private static TextField field(String text, String prompt) {
        TextField f = new TextField(text);
        f.setPromptText(prompt);
        f.setPrefColumnCount(24);
        return f;
    }

    private static void badge(Label label, StepStatus status) {
        label.getStyleClass().removeAll(BADGES);
        if (status == null) {
            return;
        }
        label.getStyleClass().add(switch (status) {
            case PASSED, STARTED -> StyleClasses.BADGE_PASS;
            case FAILED -> StyleClasses.BADGE_FAIL;
            case RUNNING, SKIPPED -> StyleClasses.BADGE_WARN;
        });
    }
}
