package io.promptdesk.ui.common;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The left navigation between workspaces and the area showing the chosen one. A workspace is one line,
 * {@code navigator.add("Rollout", RolloutView::new)}; its view is built the first time it is chosen, so only
 * the first workspace costs start-up time.
 */
public final class WorkspaceNavigator extends BorderPane {

    private final VBox items = new VBox(2);
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private final Map<String, Node> built = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper();

    public WorkspaceNavigator() {
        items.getStyleClass().add(StyleClasses.NAVIGATION);
        setLeft(items);
        setCenter(content);
        // Keep one button pressed: clicking the current workspace again must not leave none selected.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                group.selectToggle(old);
            }
        });
    }

    /** Adds a workspace whose view is built when first shown; the first one added is shown at once. */
    public WorkspaceNavigator add(String title, Supplier<? extends Node> view) {
        ToggleButton button = new ToggleButton(title);
        button.setId("nav-" + title.toLowerCase(java.util.Locale.ROOT));
        button.getStyleClass().add(StyleClasses.NAVIGATION_ITEM);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setToggleGroup(group);
        button.setOnAction(e -> show(title, view));
        items.getChildren().add(button);
        if (current.get() == null) {
            button.setSelected(true);
            show(title, view);
        }
        return this;
    }

    /** Shows the workspace titled {@code title} (any case), as its button would; false when there is none. */
    public boolean select(String title) {
        for (Node n : items.getChildren()) {
            if (n instanceof ToggleButton b && b.getText().equalsIgnoreCase(title)) {
                if (!b.isSelected()) {
                    b.fire();
                }
                return true;
            }
        }
        return false;
    }

    private void show(String title, Supplier<? extends Node> view) {
        Node node = built.computeIfAbsent(title, t -> view.get());
        content.getChildren().setAll(node);
        current.set(title);
    }

    /** The workspaces' titles, in the order they were added (and are listed). */
    public java.util.List<String> titles() {
        return items.getChildren().stream().filter(n -> n instanceof ToggleButton)
                .map(n -> ((ToggleButton) n).getText()).toList();
    }

    /** The title of the workspace on screen. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }
}
