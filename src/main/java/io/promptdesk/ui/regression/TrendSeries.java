package io.promptdesk.ui.regression;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which measurements, in their recorded order, the trend chart fits a line through. */
public enum TrendSeries {
    BASELINE_THEN_CURRENT("Baseline, then current"),
    CURRENT("Current only"),
    BASELINE("Baseline only");

    private final String label;

    TrendSeries(String label) {
        this.label = label;
    }

    /** The report's spelling: baseline_then_current, current or baseline. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label;
    }
}
