package io.promptdesk.ui.connections;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Small node factories shared by the Connections page's sections. */
final class Fields {
    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private static final double LABEL_WIDTH = 130;

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

    /** The choice of where a secret lives: an environment variable or the OS secret store. */
    static ComboBox<SecretSource> sourceChoice(String id, ObjectProperty<SecretSource> source) {
        ComboBox<SecretSource> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(SecretSource.values());
        c.valueProperty().bindBidirectional(source);
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(SecretSource s) {
                return s == null ? "" : s.label();
            }

            @Override
            public SecretSource fromString(String text) {
                for (SecretSource s : SecretSource.values()) {
                    if (s.label().equals(text)) {
                        return s;
                    }
                }
                return null;
            }
        });
        return c;
    }

    /**
     * A note that takes no room while empty, coloured as fine while {@code ok} and as a problem while
     * {@code failed} (either may be null).
     */
    static Label note(String styleClass, ObservableStringValue text, ObservableBooleanValue ok,
                      ObservableBooleanValue failed) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.textProperty().bind(text);
        bindVisible(l, text);
        pseudoClass(l, OK, ok);
        pseudoClass(l, FAILED, failed);
        return l;
    }

    static Label note(String styleClass, ObservableStringValue text) {
        return note(styleClass, text, null, null);
    }

    private static void pseudoClass(Label l, PseudoClass state, ObservableBooleanValue on) {
        if (on == null) {
            return;
        }
        // Bindings are only weakly held by what they observe: the label keeps this one alive.
        l.getProperties().put(state, on);
        on.addListener((obs, old, now) -> l.pseudoClassStateChanged(state, now));
        l.pseudoClassStateChanged(state, on.get());
    }

    static void bindVisible(Node n, ObservableStringValue text) {
        n.visibleProperty().bind(Bindings.isNotEmpty(text));
        n.managedProperty().bind(n.visibleProperty());
    }

    /**
     * A labelled line of a section: rows rather than a grid, so that a hidden line takes no room and every section
     * lines its fields up at the same place.
     */
    static HBox row(String label, Node... content) {
        Label l = new Label(label);
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        HBox row = new HBox(8, l);
        row.getChildren().addAll(content);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A row whose field has notes underneath: its label stays level with the field, not the notes. */
    static HBox rowWithNotes(String label, Node field, Node[] notes, Node... after) {
        HBox row = row(label, withNotes(field, notes));
        row.getChildren().addAll(after);
        row.setAlignment(Pos.TOP_LEFT);
        ((Label) row.getChildren().get(0)).setPadding(new Insets(8, 0, 0, 0));
        return row;
    }

    /** A field with the notes about it underneath, taking the row's spare width. */
    static VBox withNotes(Node field, Node... notes) {
        VBox box = new VBox(3, field);
        box.getChildren().addAll(notes);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    static void showWhen(ObservableBooleanValue condition, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(condition);
            n.managedProperty().bind(condition);
        }
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.CONNECTIONS_SECTION);
        return l;
    }
}
