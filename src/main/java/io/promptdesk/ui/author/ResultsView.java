package io.promptdesk.ui.author;

import io.promptdesk.model.PerformanceMetrics;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Per-case results of the last run, the selected case's rule details and rendered output, and the metrics. */
public final class ResultsView extends BorderPane {

    public static final String TABLE_ID = "results-table";

    private final ObservableList<ResultRow.RuleRow> ruleRows = FXCollections.observableArrayList();
    private final TextArea output = new TextArea();
    private final Label detailTitle = new Label("Select a result to see each rule");

    public ResultsView(TestRunModel run) {
        Label summary = new Label();
        summary.getStyleClass().add(StyleClasses.RUN_SUMMARY);
        summary.textProperty().bind(run.summaryProperty());
        Label metrics = new Label();
        metrics.getStyleClass().add(StyleClasses.METRICS);
        metrics.textProperty().bind(Bindings.createStringBinding(() -> describe(run.metricsProperty().get()),
                run.metricsProperty()));
        Label errors = new Label();
        errors.getStyleClass().add(StyleClasses.RESULT_FAIL);
        errors.textProperty().bind(Bindings.createStringBinding(() -> firstLines(run.errors(), 3), run.errors()));
        Tooltip allErrors = new Tooltip();
        allErrors.setWrapText(true);
        allErrors.setMaxWidth(700);
        allErrors.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n\n", run.errors()),
                run.errors()));
        errors.setTooltip(allErrors);
        errors.visibleProperty().bind(Bindings.isNotEmpty(run.errors()));
        errors.managedProperty().bind(errors.visibleProperty());
        HBox header = new HBox(24, summary, metrics);
        VBox top = new VBox(4, header, errors);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        TableView<ResultRow> table = resultsTable(run);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showDetails(now));
        // New results: point at the first failure, which is what the person came to look at.
        run.results().addListener((ListChangeListener<ResultRow>) c -> selectFirstFailure(table));

        TableView<ResultRow.RuleRow> rules = new TableView<>(ruleRows);
        rules.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rules.setPlaceholder(new Label(""));
        TableColumn<ResultRow.RuleRow, String> rule = textColumn("Rule", r -> r.rule(), 130);
        TableColumn<ResultRow.RuleRow, String> status = textColumn("Status",
                r -> r.status().name().toLowerCase(Locale.ROOT), 70);
        status.setCellFactory(c -> new StatusCell<>());
        TableColumn<ResultRow.RuleRow, String> details = textColumn("Details", r -> r.details(), 300);
        details.setCellFactory(c -> new DetailsCell<>());
        rules.getColumns().setAll(List.of(rule, status, details));
        output.setEditable(false);
        output.setWrapText(true);
        output.setPrefRowCount(3);
        rules.setMinHeight(120);
        detailTitle.getStyleClass().add(StyleClasses.PANEL_TITLE);
        Label outputTitle = new Label("Rendered output");
        outputTitle.getStyleClass().add(StyleClasses.PANEL_TITLE);
        VBox detail = new VBox(4, detailTitle, rules, outputTitle, output);
        detail.getStyleClass().add(StyleClasses.PANEL);
        VBox.setVgrow(rules, Priority.ALWAYS);

        selectFirstFailure(table);
        SplitPane split = new SplitPane(table, detail);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private static TableView<ResultRow> resultsTable(TestRunModel run) {
        TableView<ResultRow> table = new TableView<>(run.results());
        table.setId(TABLE_ID);
        table.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        table.setPlaceholder(new Label("Run the tests (Ctrl+Enter) to see results"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ResultRow, String> number = textColumn("case", r -> String.valueOf(r.caseIndex()), 50);
        number.setComparator(ResultsView::byNumber);
        TableColumn<ResultRow, String> result = textColumn("Result", r -> r.passed() ? "pass" : "fail", 70);
        result.setCellFactory(c -> new StatusCell<>());
        TableColumn<ResultRow, String> time = textColumn("Time (ms)",
                r -> String.format(Locale.ROOT, "%.3f", r.millis()), 90);
        TableColumn<ResultRow, String> failed = textColumn("Failed rules", ResultRow::failedRules, 200);
        table.getColumns().setAll(List.of(number, result, time, failed));
        return table;
    }

    private void selectFirstFailure(TableView<ResultRow> table) {
        ResultRow first = table.getItems().stream().filter(r -> !r.passed()).findFirst()
                .orElse(table.getItems().isEmpty() ? null : table.getItems().get(0));
        table.getSelectionModel().select(first);
        showDetails(first);
    }

    private void showDetails(ResultRow row) {
        if (row == null) {
            ruleRows.clear();
            output.clear();
            detailTitle.setText("Select a result to see each rule");
            return;
        }
        ruleRows.setAll(row.ruleRows());
        String rendered = row.result().output();
        output.setText(row.result().error() != null && rendered.isEmpty() ? row.result().error() : rendered);
        detailTitle.setText("case " + row.caseIndex() + (row.passed() ? ": passed" : ": failed"));
    }

    /** Sorts "10" after "9". */
    private static int byNumber(String a, String b) {
        return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
    }

    /** Up to {@code max} errors, one line each (the label cuts long ones with an ellipsis), and how many more. */
    static String firstLines(List<String> errors, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, errors.size()); i++) {
            sb.append(i == 0 ? "" : "\n").append(errors.get(i).replace('\n', ' '));
        }
        if (errors.size() > max) {
            sb.append("\n... and ").append(errors.size() - max).append(" more (hover for all)");
        }
        return sb.toString();
    }

    static String describe(PerformanceMetrics m) {
        if (m == null) {
            return "";
        }
        return String.format(Locale.ROOT, "total %.3f s   avg %.3f ms/case   memory %.1f MB   CPU %.0f%%",
                m.totalExecutionTime(), m.averageTestTime() * 1000.0, m.memoryUsageMb(), m.cpuUsagePercent());
    }

    private static <T> TableColumn<T, String> textColumn(String title, Function<T, String> value,
                                                         double width) {
        TableColumn<T, String> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setPrefWidth(width);
        col.setSortable(true);
        return col;
    }

    /** Long rule details: the cell shows what fits, the tooltip all of it. */
    private static final class DetailsCell<T> extends TableCell<T, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            if (empty || item == null || item.length() < 60) {
                setTooltip(null);
            } else {
                Tooltip tip = new Tooltip(item.replace("; ", "\n"));
                tip.setWrapText(true);
                tip.setMaxWidth(700);
                setTooltip(tip);
            }
        }
    }

    /** Colours "pass"/"warn" and "fail" cells with the theme's success and danger tokens. */
    private static final class StatusCell<T> extends TableCell<T, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(StyleClasses.RESULT_PASS, StyleClasses.RESULT_FAIL, StyleClasses.RESULT_WARN);
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add(switch (item) {
                    case "fail" -> StyleClasses.RESULT_FAIL;
                    case "warn" -> StyleClasses.RESULT_WARN;
                    default -> StyleClasses.RESULT_PASS;
                });
            }
        }
    }
}
