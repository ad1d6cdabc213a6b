package io.promptdesk.ui.common;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A control the person's role does not allow: disabled, and saying which role it needs. A disabled control shows no
 * tooltip of its own, so it is wrapped in a pane that does.
 */
public final class RoleLock {
    public static final String STYLE_CLASS = "role-locked";

    private RoleLock() {
    }

    /**
     * {@code control} as it is when {@code whyNot} is null; else disabled for good, in a pane whose tooltip says
     * {@code whyNot}. Call after binding the control's disable property, which this replaces.
     */
    public static Node lock(Control control, String whyNot) {
        if (whyNot == null) {
            return control;
        }
        control.disableProperty().unbind();
        control.setDisable(true);
        control.getStyleClass().add(STYLE_CLASS);
        Tooltip tip = new Tooltip(whyNot);
        control.setTooltip(tip);
        control.setAccessibleHelp(whyNot);
        StackPane pane = new StackPane(control);
        Tooltip.install(pane, tip);
        return pane;
    }
}
