package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** A trend in words: the slope's sign when its two-sided p-value is below 0.05, otherwise stable. */
public enum TrendDirection {
    INCREASING, DECREASING, STABLE;

    static final double SIGNIFICANCE = 0.05;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TrendDirection of(double slope, double pValue) {
        if (!(pValue < SIGNIFICANCE) || slope == 0) {
            return STABLE;
        }
        return slope > 0 ? INCREASING : DECREASING;
    }
}
