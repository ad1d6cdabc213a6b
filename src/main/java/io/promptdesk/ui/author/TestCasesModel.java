package io.promptdesk.ui.author;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test cases of the open template. Columns follow the template's variables, followed by any other key the
 * cases carry; which variables each case lacks is kept current for the variables panel.
 */
public final class TestCasesModel {

    private final ObservableList<TestCase> cases = FXCollections.observableArrayList();
    private final ObservableList<TestCase> casesView = FXCollections.unmodifiableObservableList(cases);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final ObservableList<VariableUsage> usage = FXCollections.observableArrayList();
    private final ObservableList<VariableUsage> usageView = FXCollections.unmodifiableObservableList(usage);
    private final ReadOnlyObjectWrapper<TestCase> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    /** Bumped on every change to any case, so live checks can follow edits of the selected one. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private List<String> variables = List.of();

    /** The template's variables changed: columns and usage follow. */
    public void setVariables(List<String> templateVariables) {
        variables = List.copyOf(templateVariables);
        refresh();
    }

    /** Replaces all cases (a file was opened or imported); selects the first. */
    public void load(List<? extends Map<String, ?>> rows) {
        cases.setAll(rows.stream().map(TestCase::new).toList());
        selected.set(cases.isEmpty() ? null : cases.get(0));
        changed();
        dirty.set(false);
    }

    /** Replaces all cases with imported ones: an unsaved change. */
    public void replaceAll(List<? extends Map<String, ?>> rows) {
        cases.setAll(rows.stream().map(TestCase::new).toList());
        selected.set(cases.isEmpty() ? null : cases.get(0));
        changed();
    }

    /** Adds an empty case after the selection (or at the end) and selects it; its variables show as missing. */
    public TestCase add() {
        TestCase created = new TestCase(Map.of());
        insertAfterSelection(created);
        return created;
    }

    /** Adds a copy of {@code original} right after it and selects the copy. */
    public TestCase duplicate(TestCase original) {
        TestCase copy = new TestCase(original.snapshot());
        int at = cases.indexOf(original);
        cases.add(at < 0 ? cases.size() : at + 1, copy);
        selected.set(copy);
        changed();
        return copy;
    }

    public void delete(TestCase victim) {
        int at = cases.indexOf(victim);
        if (at < 0) {
            return;
        }
        cases.remove(at);
        if (selected.get() == victim) {
            selected.set(cases.isEmpty() ? null : cases.get(Math.min(at, cases.size() - 1)));
        }
        changed();
    }

    /** An inline edit: the cell now holds {@code value} as text. */
    public void edit(TestCase target, String variable, String value) {
        if (value == null || value.equals(target.display(variable))) {
            return;
        }
        target.put(variable, value);
        changed();
    }

    public void select(TestCase target) {
        selected.set(target);
    }

    /** Copies of all cases, in order, for a run or a file. */
    public List<Map<String, Object>> snapshot() {
        return cases.stream().map(TestCase::snapshot).toList();
    }

    public void markSaved() {
        dirty.set(false);
    }

    /** 1-based number of a case, or 0 when it is not in the list. */
    public int numberOf(TestCase target) {
        return cases.indexOf(target) + 1;
    }

    /**
     * What the console calls the selected case: "case N" with the 0-based index the results table, the CLI and the
     * reports' {@code case_index} use - one numbering everywhere - or null when none is selected.
     */
    public String selectedLabel() {
        int i = cases.indexOf(selected.get());
        return i < 0 ? null : "case " + i;
    }

    private void insertAfterSelection(TestCase created) {
        int at = selected.get() == null ? cases.size() : cases.indexOf(selected.get()) + 1;
        cases.add(at, created);
        selected.set(created);
        changed();
    }

    private void changed() {
        dirty.set(true);
        revision.set(revision.get() + 1);
        refresh();
    }

    private void refresh() {
        Set<String> keys = new LinkedHashSet<>(variables);
        for (TestCase c : cases) {
            keys.addAll(c.values().keySet());
        }
        List<String> newColumns = new ArrayList<>(keys);
        if (!columns.equals(newColumns)) {
            columns.setAll(newColumns);
        }
        List<VariableUsage> newUsage = new ArrayList<>(variables.size());
        for (String v : variables) {
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).lacks(v)) {
                    missing.add(i + 1);
                }
            }
            newUsage.add(new VariableUsage(v, missing));
        }
        if (!usage.equals(newUsage)) {
            usage.setAll(newUsage);
        }
    }

    public ObservableList<TestCase> cases() {
        return casesView;
    }

    public ObservableList<String> columns() {
        return columnsView;
    }

    public ObservableList<VariableUsage> usage() {
        return usageView;
    }

    public ReadOnlyObjectProperty<TestCase> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
