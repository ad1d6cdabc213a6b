package io.promptdesk.ui.connections;

import atlantafx.base.theme.Styles;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * Shows a view model's problem text on its field: AtlantaFX's danger border, the problem as the field's tooltip,
 * and the problem in words under the field. The view model decides what is wrong; this only draws it.
 * ControlsFX's graphic decorations are not used here: they swap the scene's root for their own pane, which breaks
 * the looked-up theme colours of controls inside a ScrollPane (controlsfx#1600) - the page turned white in the
 * dark theme.
 */
final class ProblemDecoration {

    private ProblemDecoration() {
    }

    /** Marks {@code field} while {@code problem} is not empty; returns the message to place under the field. */
    static Label bind(Control field, ObservableStringValue problem) {
        Tooltip hint = field.getTooltip();
        Tooltip error = new Tooltip();
        error.textProperty().bind(problem);
        problem.addListener((obs, old, now) -> show(field, !now.isEmpty(), hint, error));
        show(field, !problem.get().isEmpty(), hint, error);
        Label message = Fields.note(StyleClasses.FORM_PROBLEM, problem);
        if (field.getId() != null) {
            message.setId(field.getId() + "-problem");
        }
        return message;
    }

    private static void show(Control field, boolean bad, Tooltip hint, Tooltip error) {
        field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        field.setTooltip(bad ? error : hint);
    }
}
