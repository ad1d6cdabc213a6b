package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutFormat;
import io.promptdesk.app.rollout.RolloutRow;

import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.ui.common.StyleClasses;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The rollouts, active ones first, then the history; choosing one shows it. The list and the view model's
 * selection follow each other.
 */
final class RolloutListView extends ListView<RolloutRow> {
    public static final String LIST_ID = "rollout-list";

    RolloutListView(RolloutViewModel vm) {
        setId(LIST_ID);
        getStyleClass().add(StyleClasses.ROLLOUT_LIST);
        setItems(vm.rollouts());
        setPlaceholder(new Label("No rollouts yet"));
        ZoneId zone = vm.zone();
        setCellFactory(v -> new RowCell(zone));
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.select(now.rolloutId());
            }
        });
        vm.selectedIdProperty().addListener((obs, old, now) -> reflect(now));
        // A refreshed list holds new row objects: keep the highlight on the selected rollout.
        getItems().addListener((ListChangeListener<RolloutRow>) c ->
                reflect(vm.selectedIdProperty().get()));
    }

    private void reflect(String rolloutId) {
        RolloutRow current = getSelectionModel().getSelectedItem();
        if (current != null && Objects.equals(current.rolloutId(), rolloutId)) {
            return;
        }
        getItems().stream().filter(r -> r.rolloutId().equals(rolloutId)).findFirst()
                .ifPresent(r -> getSelectionModel().select(r));
    }

    private static final class RowCell extends ListCell<RolloutRow> {
        private final Label name = new Label();
        private final Label status = new Label();
        private final Label when = new Label();
        private final VBox box;
        private final ZoneId zone;

        RowCell(ZoneId zone) {
            this.zone = zone;
            status.getStyleClass().add(StyleClasses.ROLLOUT_STATUS);
            name.getStyleClass().add(StyleClasses.ROLLOUT_TITLE);
            when.getStyleClass().add(StyleClasses.NOTE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new VBox(2, new HBox(6, name, gap, status), when);
        }

        @Override
        protected void updateItem(RolloutRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            name.setText(row.deployment() + " " + row.newVersion());
            status.setText(RolloutFormat.status(row.status()) + " at " + row.stagePercentage() + "%");
            for (RolloutStatus s : RolloutStatus.values()) {
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.key()), s == row.status());
            }
            when.setText("vs " + row.stableVersion() + ", started " + RolloutFormat.time(row.startTime(), zone));
            setGraphic(box);
        }
    }
}
