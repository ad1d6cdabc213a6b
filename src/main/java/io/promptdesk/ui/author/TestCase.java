package io.promptdesk.ui.author;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the test-case table: variable name to value. Values keep their type from the file (a number
 * stays a number) until edited in the table, which stores text. Only {@link TestCasesModel} changes it.
 */
public final class TestCase {

    private final ObservableMap<String, Object> values;
    private final ObservableMap<String, Object> valuesView;

    TestCase(Map<String, ?> initial) {
        this.values = FXCollections.observableMap(new LinkedHashMap<>(initial));
        this.valuesView = FXCollections.unmodifiableObservableMap(values);
    }

    /** Observable so table cells follow edits. */
    public ObservableMap<String, Object> values() {
        return valuesView;
    }

    /** The value as the table shows it, or null when the case lacks the variable. */
    public String display(String variable) {
        Object v = values.get(variable);
        return v == null ? null : v.toString();
    }

    public boolean lacks(String variable) {
        return values.get(variable) == null;
    }

    void put(String variable, Object value) {
        values.put(variable, value);
    }

    /** An independent copy of the values, safe to hand to another thread. */
    public Map<String, Object> snapshot() {
        return new LinkedHashMap<>(values);
    }
}
