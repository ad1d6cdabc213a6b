package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.util.converter.DefaultStringConverter;

/** The test-case table, one column per variable, edited inline; with add, duplicate, delete, import, export. */
public final class TestCasesView extends BorderPane {

    public static final String TABLE_ID = "cases-table";

    private final TableView<TestCase> table = new TableView<>();
    private final TestCasesModel cases;

    public TestCasesView(AuthorViewModel vm) {
        this.cases = vm.cases();
        table.setId(TABLE_ID);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setItems(cases.cases());
        table.setEditable(true);
        table.setPlaceholder(new Label("No test cases: add one or import a JSON/CSV file"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        cases.columns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        rebuildColumns();

        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != cases.selectedProperty().get()) {
                cases.select(now);
            }
        });
        cases.selectedProperty().addListener((obs, old, now) -> syncSelection(now));
        syncSelection(cases.selectedProperty().get());

        Button add = button("Add", "Add an empty test case", vm::addCase);
        Button duplicate = button("Duplicate", "Copy the selected case", vm::duplicateSelectedCase);
        Button delete = button("Delete", "Delete the selected case", vm::deleteSelectedCase);
        duplicate.disableProperty().bind(cases.selectedProperty().isNull());
        delete.disableProperty().bind(cases.selectedProperty().isNull());
        Button importCases = button("Import...", "Replace the cases with a JSON, JSON Lines, YAML or CSV file",
                vm::importCases);
        Button exportCases = button("Export...", "Write the cases to a JSON or CSV file", vm::exportCases);
        Label count = new Label();
        count.textProperty().bind(Bindings.size(cases.cases()).asString("%d case(s)"));
        setTop(new ToolBar(add, duplicate, delete, importCases, exportCases, count));
        setCenter(table);
    }

    private void syncSelection(TestCase selected) {
        if (selected != table.getSelectionModel().getSelectedItem()) {
            table.getSelectionModel().select(selected);
            if (selected != null) {
                table.scrollTo(selected);
            }
        }
    }

    private void rebuildColumns() {
        TableColumn<TestCase, TestCase> number = new TableColumn<>("case");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        number.setCellFactory(c -> new NumberCell());
        number.setEditable(false);
        number.setSortable(false);
        // Room for the header "case" and a four-digit index at any window size.
        number.setMinWidth(56);
        number.setMaxWidth(64);
        table.getColumns().setAll(number);
        for (String name : cases.columns()) {
            TableColumn<TestCase, String> col = new TableColumn<>(name);
            col.setCellValueFactory(c -> Bindings.createStringBinding(() -> c.getValue().display(name),
                    c.getValue().values()));
            col.setCellFactory(c -> new ValueCell());
            col.setOnEditCommit(e -> cases.edit(e.getRowValue(), name, e.getNewValue()));
            col.setSortable(false);
            col.setPrefWidth(160);
            table.getColumns().add(col);
        }
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** The case's 0-based position (the engine's case_index), which shifts as cases are added or deleted. */
    private static final class NumberCell extends TableCell<TestCase, TestCase> {
        @Override
        protected void updateItem(TestCase item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : String.valueOf(getIndex()));
        }
    }

    /** A text cell that says "missing" where the case gives the variable no value. */
    private static final class ValueCell extends TextFieldTableCell<TestCase, String> {
        ValueCell() {
            super(new DefaultStringConverter());
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove(StyleClasses.MISSING_VALUE);
            if (!empty && item == null && !isEditing()) {
                setText("missing");
                getStyleClass().add(StyleClasses.MISSING_VALUE);
            }
        }
    }
}
