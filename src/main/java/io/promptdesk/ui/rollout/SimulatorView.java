package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutConsole;
import io.promptdesk.app.rollout.RolloutFormat;

import atlantafx.base.theme.Styles;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The simulated service's controls: traffic rate and time scale, the selected rollout's stable and canary
 * behaviour, and the fault injection. Fields bind to {@link SimulatorModel}; buttons forward to its intents.
 */
final class SimulatorView extends GridPane {
    public static final String FAULT_BUTTON_ID = "rollout-inject-fault";
    public static final String TIME_SCALE_ID = "rollout-time-scale";
    private static final java.util.Map<String, String> TIPS = java.util.Map.of(
            "Median (ms)", "Median latency of a request, milliseconds",
            "p95 (ms)", "95th percentile of latency, milliseconds",
            "Errors (%)", "Share of requests that fail",
            "Engaged (%)", "Share of successful answers the user engages with");

    SimulatorView(RolloutViewModel vm) {
        SimulatorModel sim = vm.simulator();
        getStyleClass().add(StyleClasses.PANEL);
        setHgap(6);
        setVgap(5);

        ComboBox<Double> rate = choice(SimulatorModel.RATES, v -> String.format(Locale.ROOT, "%.0f req/s", v));
        rate.valueProperty().bindBidirectional(sim.rateProperty());
        rate.setTooltip(new Tooltip("Simulated requests per second, split between stable and canary"));
        ComboBox<Double> scale = choice(SimulatorModel.TIME_SCALES, RolloutFormat::scale);
        scale.setId(TIME_SCALE_ID);
        scale.valueProperty().bindBidirectional(sim.timeScaleProperty());
        scale.setTooltip(new Tooltip("Run stages faster for a demo: at 60x a 5-minute stage takes 5 seconds"));
        add(new Label("Traffic"), 0, 0);
        add(rate, 1, 0, 2, 1);
        add(new Label("Time scale"), 0, 1);
        add(scale, 1, 1, 2, 1);

        Label stableName = new Label();
        stableName.textProperty().bind(sim.stableLabelProperty());
        Label canaryName = new Label();
        canaryName.textProperty().bind(sim.canaryLabelProperty());
        add(stableName, 1, 2);
        add(canaryName, 2, 2);
        row(3, "Median (ms)", sim.stable().medianMsProperty(), sim.canary().medianMsProperty(), sim);
        row(4, "p95 (ms)", sim.stable().p95MsProperty(), sim.canary().p95MsProperty(), sim);
        row(5, "Errors (%)", sim.stable().errorPercentProperty(), sim.canary().errorPercentProperty(), sim);
        row(6, "Engaged (%)", sim.stable().engagementPercentProperty(), sim.canary().engagementPercentProperty(),
                sim);

        Button apply = new Button("Apply profiles");
        apply.setOnAction(e -> sim.applyProfiles());
        apply.disableProperty().bind(sim.liveProperty().not().or(vm.busyProperty()));
        Button fault = new Button("Inject fault");
        fault.setId(FAULT_BUTTON_ID);
        fault.getStyleClass().add(Styles.DANGER);
        fault.setTooltip(new Tooltip("From now on the canary is " + (int) RolloutConsole.FAULT_LATENCY_FACTOR
                + "x slower and fails " + (int) (RolloutConsole.FAULT_ERROR_RATE * 100) + "% of its requests"));
        fault.setOnAction(e -> sim.injectFault());
        fault.disableProperty().bind(sim.liveProperty().not().or(vm.busyProperty()));
        add(new HBox(6, apply, fault), 0, 7, 3, 1);

        Label problem = new Label();
        problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(sim.problemProperty());
        problem.visibleProperty().bind(sim.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        add(problem, 0, 8, 3, 1);
        Label note = new Label("Profiles and the fault apply to the selected rollout's versions.");
        note.getStyleClass().add(StyleClasses.NOTE);
        note.setWrapText(true);
        add(note, 0, 9, 3, 1);
    }

    private void row(int row, String label, StringProperty stable, StringProperty canary, SimulatorModel sim) {
        Label name = new Label(label);
        name.setTooltip(new Tooltip(TIPS.getOrDefault(label, label)));
        add(name, 0, row);
        add(number(stable, sim), 1, row);
        add(number(canary, sim), 2, row);
    }

    private static TextField number(StringProperty value, SimulatorModel sim) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(5);
        f.disableProperty().bind(sim.liveProperty().not());
        f.setOnAction(e -> sim.applyProfiles());
        return f;
    }

    private static ComboBox<Double> choice(List<Double> values, Function<Double, String> text) {
        ComboBox<Double> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : text.apply(v);
            }

            @Override
            public Double fromString(String s) {
                return values.stream().filter(v -> text.apply(v).equals(s)).findFirst().orElse(null);
            }
        });
        return box;
    }
}
