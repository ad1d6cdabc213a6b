package io.promptdesk.ui.history;

import io.promptdesk.app.history.HistoryRow;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The History workspace: filters, the rollbacks and rollouts table, the selected row's details, export buttons
 * and the audit chain's status. Builds nodes and binds them.
 */
public final class HistoryView extends BorderPane {
    public static final String TABLE_ID = "history-table";
    public static final String AUDIT_ID = "history-audit";
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");

    public HistoryView(HistoryViewModel vm) {
        getStyleClass().add("history-workspace");
        getStylesheets().add(HistoryView.class.getResource("/io/promptdesk/ui/history/history.css")
                .toExternalForm());
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.valueProperty().bindBidirectional(vm.modelProperty());
        ComboBox<String> status = new ComboBox<>(vm.statuses());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        TextField who = new TextField();
        who.setPromptText("who");
        who.setPrefColumnCount(8);
        who.textProperty().bindBidirectional(vm.whoProperty());
        DatePicker from = new DatePicker();
        from.setPromptText("from");
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = new DatePicker();
        to.setPromptText("to");
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.load());
        Button csv = new Button("Export CSV");
        csv.setOnAction(e -> vm.exportCsv());
        Button json = new Button("Export JSON");
        json.setOnAction(e -> vm.exportJson());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox filters = new HBox(8, new Label("Model"), model, new Label("Status"), status, who, from, to, refresh,
                gap, csv, json);
        filters.getStyleClass().add("history-filters");

        Label audit = new Label();
        audit.setId(AUDIT_ID);
        audit.getStyleClass().add("history-audit");
        audit.textProperty().bind(vm.auditProperty());
        vm.auditIntactProperty().addListener((obs, old, ok) -> audit.pseudoClassStateChanged(BROKEN, !ok));
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        HBox status2 = new HBox(16, audit, summary);
        status2.getStyleClass().add("history-status");
        setTop(new VBox(filters, status2));

        TextArea details = new TextArea();
        details.setEditable(false);
        details.getStyleClass().add("history-details");
        details.textProperty().bind(vm.detailsProperty());
        SplitPane body = new SplitPane(table(vm), details);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.6);
        setCenter(body);
        vm.load();
    }

    private static TableView<HistoryRow> table(HistoryViewModel vm) {
        TableView<HistoryRow> t = new TableView<>(vm.rows());
        t.setId(TABLE_ID);
        t.getColumns().add(column("Kind", 80, HistoryRow::kind));
        t.getColumns().add(column("Model", 140, HistoryRow::model));
        t.getColumns().add(column("From", 70, HistoryRow::fromVersion));
        t.getColumns().add(column("To", 70, HistoryRow::toVersion));
        t.getColumns().add(column("Status", 100, HistoryRow::status));
        t.getColumns().add(column("SLA", 80, HistoryRow::slaText));
        t.getColumns().add(column("Who", 100, HistoryRow::triggeredBy));
        t.getColumns().add(column("Started", 175, r -> vm.time(r.startTime())));
        t.getColumns().add(column("Ended", 175, r -> vm.time(r.endTime())));
        t.getColumns().add(column("Reason", 300, HistoryRow::reason));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        t.setPlaceholder(new Label("No rollbacks or rollouts match the filters"));
        t.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> {
            if (now != t.getSelectionModel().getSelectedItem()) {
                t.getSelectionModel().select(now);
            }
        });
        return t;
    }

    private static TableColumn<HistoryRow, String> column(String title, double width,
                                                          Function<HistoryRow, String> value) {
        TableColumn<HistoryRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }
}
