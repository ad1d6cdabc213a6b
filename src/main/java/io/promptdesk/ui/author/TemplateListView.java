package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/** The templates in the workspace folder; choosing one opens it (after the unsaved-changes prompt). */
public final class TemplateListView extends VBox {

    public static final String LIST_ID = "template-list";

    private final ListView<Path> list;
    private boolean syncing;

    public TemplateListView(AuthorViewModel vm) {
        super(4);
        getStyleClass().add(StyleClasses.PANEL);
        Label title = new Label("Templates");
        title.getStyleClass().add(StyleClasses.PANEL_TITLE);
        Button refresh = new Button("\u21bb");
        refresh.setTooltip(new Tooltip("Re-read the workspace folder"));
        refresh.setOnAction(e -> vm.refreshTemplates());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(title, gap, refresh);

        list = new ListView<>(vm.templates());
        list.setId(LIST_ID);
        list.setPlaceholder(new Label("No .prompt files"));
        list.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.getFileName().toString());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null && !now.equals(vm.document().path())) {
                vm.openTemplate(now);
                // Cancelled or failed: put the selection back on the open template, after this event.
                Platform.runLater(() -> select(vm.document().path()));
            }
        });
        vm.document().pathProperty().addListener((obs, old, now) -> select(now));
        vm.templates().addListener((ListChangeListener<Path>) c ->
                Platform.runLater(() -> select(vm.document().path())));
        select(vm.document().path());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(header, list);
    }

    private void select(Path path) {
        syncing = true;
        try {
            if (path == null || !list.getItems().contains(path)) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(path);
            }
        } finally {
            syncing = false;
        }
    }
}
