package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutFormat;

import atlantafx.base.theme.Styles;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import io.promptdesk.ui.common.RoleLock;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import java.util.Arrays;

/** The form that starts a rollout; every field binds to {@link StartFormModel}, the button to canStart. */
final class StartFormView extends GridPane {
    public static final String START_BUTTON_ID = "rollout-start";

    StartFormView(RolloutViewModel vm) {
        StartFormModel form = vm.start();
        getStyleClass().add(StyleClasses.PANEL);
        setHgap(6);
        setVgap(5);

        ComboBox<String> deployment = new ComboBox<>(form.deployments());
        deployment.valueProperty().bindBidirectional(form.deploymentProperty());
        deployment.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> version = new ComboBox<>(form.versions());
        version.valueProperty().bindBidirectional(form.versionProperty());
        version.setMaxWidth(Double.MAX_VALUE);
        TextField stages = field(form.stagesProperty(), "Traffic percentages, increasing, ending at 100");
        ComboBox<UnhealthyPolicy> policy = new ComboBox<>();
        policy.getItems().setAll(UnhealthyPolicy.values());
        policy.valueProperty().bindBidirectional(form.policyProperty());
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(UnhealthyPolicy p) {
                return p == null ? "" : p == UnhealthyPolicy.PAUSE ? "pause" : "roll back";
            }

            @Override
            public UnhealthyPolicy fromString(String s) {
                return Arrays.stream(UnhealthyPolicy.values()).filter(p -> toString(p).equals(s))
                        .findFirst().orElse(null);
            }
        });
        policy.setTooltip(new Tooltip("What an unhealthy health check does"));
        TextField stageSeconds = field(form.stageSecondsProperty(), "Seconds a stage runs healthy before the next");
        TextField interval = field(form.intervalSecondsProperty(), "Seconds between health checks");
        TextField reason = field(form.reasonProperty(), "Why (recorded in the history)");

        int row = 0;
        addRow(row++, new Label("Deployment"), deployment);
        addRow(row++, new Label("Version"), version);
        addRow(row++, new Label("Stages %"), stages);
        addRow(row++, new Label("Stage (s)"), stageSeconds);
        addRow(row++, new Label("Check every (s)"), interval);
        addRow(row++, new Label("If unhealthy"), policy);
        add(new Label("Health metrics and limits"), 0, row++, 2, 1);
        for (Metric m : Metric.values()) {
            CheckBox use = new CheckBox(m.key());
            use.setMnemonicParsing(false);
            use.selectedProperty().bindBidirectional(form.metricProperty(m));
            TextField limit = field(form.limitProperty(m), (m == Metric.ENGAGEMENT_RATE ? "At least" : "At most")
                    + " this many " + RolloutFormat.unit(m) + " for the canary; blank for no absolute limit");
            limit.setPromptText(RolloutFormat.unit(m) + " limit");
            limit.disableProperty().bind(use.selectedProperty().not());
            addRow(row++, use, limit);
        }
        addRow(row++, new Label("Reason"), reason);

        Label problem = new Label();
        problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(form.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        add(problem, 0, row++, 2, 1);

        Button start = new Button("Start rollout");
        start.setId(START_BUTTON_ID);
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.startRollout());
        add(RoleLock.lock(start, vm.whyNot(io.promptdesk.model.GuardedAction.START_ROLLOUT)), 1, row);
        GridPane.setHgrow(deployment, Priority.ALWAYS);
    }

    private static TextField field(StringProperty value, String tip) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setTooltip(new Tooltip(tip));
        f.setPrefColumnCount(8);
        return f;
    }
}
