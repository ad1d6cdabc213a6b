package io.promptdesk.ui.rollout;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;

import java.util.Locale;
import java.util.function.Function;

/**
 * The simulated service's controls: traffic rate and time scale, the selected rollout's stable and canary
 * behaviour, and the fault injection. Fields bind to {@link SimulatorModel}; buttons forward to its intents.
 */
final class SimulatorView extends GridPane {
    public static final String FAULT_BUTTON_ID = "rollout-inject-fault";
    public static final String TIME_SCALE_ID = "rollout-time-scale";

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
        add(new HBox(6, rate, new Label("Time"), scale), 1, 0, 4, 1);

        add(new Label("ms median"), 1, 1);
        add(new Label("ms p95"), 2, 1);
        add(new Label("errors %"), 3, 1);
        add(new Label("engaged %"), 4, 1);
        profileRow(2, sim.stableLabelProperty(), sim.stable(), sim);
        profileRow(3, sim.canaryLabelProperty(), sim.canary(), sim);

        Button apply = new Button("Apply profiles");
        apply.setOnAction(e -> sim.applyProfiles());
        apply.disableProperty().bind(sim.liveProperty().not().or(vm.busyProperty()));
        Button fault = new Button("Inject fault");
        fault.setId(FAULT_BUTTON_ID);
        fault.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        fault.setTooltip(new Tooltip("From now on the canary is " + (int) RolloutConsole.FAULT_LATENCY_FACTOR
                + "x slower and fails " + (int) (RolloutConsole.FAULT_ERROR_RATE * 100) + "% of its requests"));
        fault.setOnAction(e -> sim.injectFault());
        fault.disableProperty().bind(sim.liveProperty().not().or(vm.busyProperty()));
        add(new HBox(6, apply, fault), 1, 4, 4, 1);

        Label problem = new Label();
        problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(sim.problemProperty());
        problem.visibleProperty().bind(sim.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        add(problem, 0, 5, 5, 1);
    }

    private void profileRow(int row, ReadOnlyStringProperty label, ProfileFields fields, SimulatorModel sim) {
        Label name = new Label();
        name.textProperty().bind(label);
        add(name, 0, row);
        add(number(fields.medianMsProperty(), sim), 1, row);
        add(number(fields.p95MsProperty(), sim), 2, row);
        add(number(fields.errorPercentProperty(), sim), 3, row);
        add(number(fields.engagementPercentProperty(), sim), 4, row);
    }

    private static TextField number(StringProperty value, SimulatorModel sim) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(4);
        f.disableProperty().bind(sim.liveProperty().not());
        f.setOnAction(e -> sim.applyProfiles());
        return f;
    }

    private static ComboBox<Double> choice(java.util.List<Double> values, Function<Double, String> text) {
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
