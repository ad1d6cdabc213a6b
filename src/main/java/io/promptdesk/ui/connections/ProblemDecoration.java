package io.promptdesk.ui.connections;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows a view model's problem text on its field: ControlsFX's error graphic with the text as its tooltip, and
 * AtlantaFX's danger border. The view model decides what is wrong; this only draws it.
 */
final class ProblemDecoration {
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();

    void bind(Control field, ObservableStringValue problem) {
        problem.addListener((obs, old, now) -> show(field, now));
        show(field, problem.get());
    }

    private void show(Control field, String problem) {
        decoration.removeDecorations(field);
        boolean bad = problem != null && !problem.isEmpty();
        field.pseudoClassStateChanged(Styles.STATE_DANGER, bad);
        if (bad) {
            decoration.applyValidationDecoration(ValidationMessage.error(field, problem));
        }
    }
}
