package io.promptdesk.ui.rollback;

import atlantafx.base.theme.Styles;
import io.promptdesk.ui.common.RoleLock;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The emergency button: large, danger-coloured, naming exactly what it will do, enabled only when a valid target
 * exists; the target is chosen beside it. Ctrl+Shift+B in its window does the same.
 */
public final class RollbackButton extends HBox {
    public static final String BUTTON_ID = "rollback-button";
    public static final String TARGET_ID = "rollback-target";
    /** The last rollback's status, SLA and duration, beside the button. */
    public static final String OUTCOME_ID = "rollback-bar-outcome";
    /** Beside a button this person's roles do not allow: who can roll back. */
    public static final String WHO_CAN_ID = "rollback-who-can";
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    public RollbackButton(RollbackViewModel vm) {
        Button button = new Button();
        button.setId(BUTTON_ID);
        button.getStyleClass().addAll(Styles.DANGER, Styles.LARGE, "rollback-button");
        button.textProperty().bind(vm.actionProperty());
        button.disableProperty().bind(vm.canRollbackProperty().not());
        button.setTooltip(new Tooltip("Asks for a reason first (" + SHORTCUT.getDisplayText() + ")"));
        button.setOnAction(e -> vm.requestRollback());
        button.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> target = new ComboBox<>(vm.targets());
        target.setId(TARGET_ID);
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.disableProperty().bind(vm.run().runningProperty());
        target.setMinWidth(90);
        target.setTooltip(new Tooltip("Valid rollback targets, the most recently in production first"));
        Label outcome = new Label();
        outcome.setId(OUTCOME_ID);
        outcome.getStyleClass().add("rollback-bar-outcome");
        outcome.textProperty().bind(Bindings.concat(vm.run().statusProperty(), " ", vm.run().slaMetProperty(),
                " ", vm.run().durationProperty()));
        String whoCan = vm.whoCanRollBack();
        if (whoCan == null) {
            getChildren().addAll(button, new Label("to"), target, outcome);
        } else {
            // Visible to everyone, saying who can use it.
            Label who = new Label(whoCan);
            who.setId(WHO_CAN_ID);
            who.getStyleClass().add(Styles.TEXT_MUTED);
            who.setWrapText(true);
            getChildren().addAll(RoleLock.lock(button, whoCan), new Label("to"), target, outcome, who);
        }
        getStyleClass().add("rollback-bar");
        getStylesheets().add(RollbackButton.class.getResource(RollbackView.STYLESHEET).toExternalForm());
        sceneProperty().addListener((obs, old, now) -> install(now, vm));
    }

    private static void install(Scene scene, RollbackViewModel vm) {
        if (scene != null) {
            scene.getAccelerators().put(SHORTCUT, vm::requestRollback);
        }
    }
}
