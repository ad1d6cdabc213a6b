package io.promptdesk.ui.author;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/** The template's syntax errors with their line and column; picking one reveals it in the editor. */
public final class ProblemsView extends VBox {

    public static final String LIST_ID = "problems-list";

    public ProblemsView(TemplateDocument document, Consumer<Diagnostic> reveal) {
        getStyleClass().addAll(StyleClasses.PANEL, StyleClasses.PROBLEMS);
        Label title = new Label();
        title.getStyleClass().add(StyleClasses.PANEL_TITLE);
        title.textProperty().bind(Bindings.createStringBinding(
                () -> document.problems().isEmpty() ? "Problems" : "Problems (" + document.problems().size() + ")",
                document.problems()));

        ListView<Diagnostic> list = new ListView<>(document.problems());
        list.setId(LIST_ID);
        list.setPlaceholder(new Label("No syntax problems"));
        list.setCellFactory(v -> new ProblemCell());
        list.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                reveal.accept(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(title, list);
    }

    /** "Ln 3, Col 12" then the message. */
    public static String describe(Diagnostic d) {
        return "Ln " + d.line() + ", Col " + d.column() + "  " + d.message();
    }

    private static final class ProblemCell extends ListCell<Diagnostic> {
        private final Label where = new Label();
        private final Label what = new Label();
        private final HBox box = new HBox(10, where, what);

        ProblemCell() {
            where.getStyleClass().add(StyleClasses.PROBLEM_LOCATION);
            where.setMinWidth(100);
        }

        @Override
        protected void updateItem(Diagnostic item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            where.setText("Ln " + item.line() + ", Col " + item.column());
            what.setText(item.message());
            setAccessibleText(describe(item));
            setGraphic(box);
        }
    }
}
