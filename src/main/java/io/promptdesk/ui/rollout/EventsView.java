package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutFormat;

import io.promptdesk.engine.rollout.RolloutEvent;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.time.ZoneId;
import java.util.function.Function;

/** The selected rollout's transitions as stored, oldest first: who, when, what, from where to where, and why. */
final class EventsView extends TableView<RolloutEvent> {
    public static final String TABLE_ID = "rollout-events";

    EventsView(RolloutViewModel vm) {
        setId(TABLE_ID);
        setItems(vm.events());
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No transitions yet"));
        ZoneId zone = vm.zone();
        getColumns().setAll(
                column("#", 36, e -> String.valueOf(e.seq())),
                column("When", 170, e -> RolloutFormat.time(e.at(), zone)),
                column("Who", 135, RolloutEvent::actor),
                column("Event", 100, e -> e.kind().key().replace('_', ' ') + (e.forced() ? " (forced)" : "")),
                column("Traffic", 105, e -> (e.fromPercentage() == null ? "" : e.fromPercentage() + "% \u2192 ")
                        + e.toPercentage() + "%"),
                column("Why", 420, e -> e.reason() == null ? "" : e.reason()));
        // The newest transition is the one people look for.
        vm.events().addListener((ListChangeListener<RolloutEvent>) c -> {
            if (!getItems().isEmpty()) {
                scrollTo(getItems().size() - 1);
            }
        });
    }

    private static TableColumn<RolloutEvent, String> column(String title, double width,
                                                            Function<RolloutEvent, String> value) {
        TableColumn<RolloutEvent, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
