package io.promptdesk.ui.rollback;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;

import java.util.List;

/** The rollback's steps, one line each, the state shown as a pseudo-class (pending, started, done ...). */
final class StepsView extends ListView<StepRow> {
    static final String ID = "rollback-steps";
    private static final List<String> STATES = List.of(StepRow.PENDING, "started", "done", "failed", "skipped");

    StepsView(RollbackRunModel run) {
        super(run.steps());
        setId(ID);
        getStyleClass().add("rollback-steps");
        setFocusTraversable(false);
        // Cells wrap a long detail (a router's refusal, a health summary) onto more lines instead of running off
        // to the right; the list is tall enough for the five steps of a rollback with room to wrap.
        setPrefHeight(5 * 48 + 6);
        setMinHeight(5 * 32 + 6);
        setCellFactory(v -> new Cell(v));
    }

    private static final class Cell extends ListCell<StepRow> {
        private final Label state = new Label();

        Cell(javafx.scene.control.ListView<StepRow> list) {
            state.getStyleClass().add("step-state");
            state.setMinWidth(64);
            setWrapText(true);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
            setGraphicTextGap(10);
        }

        @Override
        protected void updateItem(StepRow row, boolean empty) {
            super.updateItem(row, empty);
            for (String s : STATES) {
                state.pseudoClassStateChanged(PseudoClass.getPseudoClass(s), !empty && row != null
                        && s.equals(row.state()));
            }
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(row.label() + (row.detail().isEmpty() ? "" : ": " + row.detail()));
            state.setText(row.state());
            setGraphic(state);
            setTooltip(row.detail().isEmpty() ? null : new Tooltip(row.detail()));
        }
    }
}
