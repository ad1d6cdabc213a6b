package io.promptdesk.ui.connections;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** Small node factories shared by the Connections page's sections. */
final class Fields {
    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private Fields() {
    }

    static TextField text(String id, StringProperty value, String prompt, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        f.setPromptText(prompt);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    /** A note that takes no room while empty; {@code good} colours it as fine or as a warning. */
    static Label note(String styleClass, ObservableStringValue text, ObservableBooleanValue good) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(text);
        bindVisible(l, text);
        if (good != null) {
            good.addListener((obs, old, now) -> state(l, now));
            state(l, good.get());
        }
        return l;
    }

    static void bindVisible(Node n, ObservableStringValue text) {
        n.visibleProperty().bind(Bindings.isNotEmpty(text));
        n.managedProperty().bind(n.visibleProperty());
    }

    private static void state(Label l, boolean good) {
        l.pseudoClassStateChanged(OK, good);
        l.pseudoClassStateChanged(FAILED, !good);
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.CONNECTIONS_SECTION);
        return l;
    }
}
