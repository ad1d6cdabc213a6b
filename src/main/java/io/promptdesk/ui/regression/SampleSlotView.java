package io.promptdesk.ui.regression;

import io.promptdesk.app.RecordedRun;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** One sample's sources: a file (and its CSV column), a recorded test run, or pasted numbers. */
final class SampleSlotView extends VBox {

    SampleSlotView(SampleSlot slot, ObservableList<RecordedRun> runs) {
        String key = slot.group().name().toLowerCase(Locale.ROOT);
        getStyleClass().addAll(StyleClasses.PANEL, StyleClasses.SAMPLE_SLOT);
        setId("slot-" + key);

        Label title = new Label(slot.group().label());
        title.getStyleClass().add(StyleClasses.PANEL_TITLE);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setPrefSize(14, 14);
        loading.visibleProperty().bind(slot.loadingProperty());
        HBox header = new HBox(6, title, loading);

        Label source = new Label();
        source.setId(key + "-source");
        source.setWrapText(true);
        source.textProperty().bind(Bindings.createStringBinding(() -> slot.sampleProperty().get() == null
                ? "No sample yet" : slot.sampleProperty().get().description() + " \u2014 "
                + Format.count(slot.sampleProperty().get().size()) + " values", slot.sampleProperty()));

        Button open = new Button("Open file\u2026");
        open.setId(key + "-open");
        open.setOnAction(e -> slot.chooseFile());
        ComboBox<String> column = new ComboBox<>(slot.columns());
        column.setPromptText("column");
        column.setTooltip(new Tooltip("The CSV column to compare"));
        column.visibleProperty().bind(Bindings.isNotEmpty(slot.columns()));
        column.managedProperty().bind(column.visibleProperty());
        column.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(column, Priority.ALWAYS);
        slot.columnProperty().addListener((obs, old, now) -> column.setValue(now));
        column.setOnAction(e -> slot.selectColumn(column.getValue()));
        HBox fileRow = new HBox(6, open, column);

        ComboBox<RecordedRun> run = new ComboBox<>(runs);
        run.promptTextProperty().bind(Bindings.size(runs).asString("From a recorded test run (%d)"));
        run.disableProperty().bind(Bindings.isEmpty(runs));
        run.setMaxWidth(Double.MAX_VALUE);
        run.setCellFactory(l -> new RunCell());
        run.setButtonCell(new RunCell());
        run.setOnAction(e -> slot.useRun(run.getValue()));

        TextArea paste = new TextArea();
        paste.setPromptText("One number per line, or separated by blanks or commas");
        paste.setPrefRowCount(3);
        paste.setWrapText(true);
        Button usePasted = new Button("Use pasted numbers");
        usePasted.setOnAction(e -> slot.usePasted(paste.getText()));
        usePasted.disableProperty().bind(paste.textProperty().isEmpty());
        TitledPane pasted = new TitledPane("Paste numbers", new VBox(5, paste, usePasted));
        pasted.setExpanded(false);
        pasted.setAnimated(false);

        Label error = new Label();
        error.getStyleClass().add(StyleClasses.SLOT_ERROR);
        error.setWrapText(true);
        error.textProperty().bind(slot.errorProperty());
        error.visibleProperty().bind(slot.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        setSpacing(5);
        getChildren().addAll(header, source, fileRow, run, pasted, error);
    }

    private static final class RunCell extends ListCell<RecordedRun> {
        @Override
        protected void updateItem(RecordedRun item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : SampleSlot.describe(item));
        }
    }
}
