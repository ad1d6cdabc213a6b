package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import io.promptdesk.model.BadInputException;

import java.util.Locale;

/**
 * Which change counts as a regression: {@code increase} tests current &gt; baseline (one-sided, SciPy's
 * alternative "greater"), {@code decrease} the reverse ("less"), {@code both} is two-sided.
 */
public enum Direction {
    INCREASE(Alternative.GREATER),
    DECREASE(Alternative.LESS),
    BOTH(Alternative.TWO_SIDED);

    private final Alternative alternative;

    Direction(Alternative alternative) {
        this.alternative = alternative;
    }

    Alternative alternative() {
        return alternative;
    }

    /** The spec's spelling: increase, decrease or both. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when a change of this sign (current minus baseline) is in the considered direction. */
    public boolean matches(double difference) {
        return switch (this) {
            case INCREASE -> difference > 0;
            case DECREASE -> difference < 0;
            case BOTH -> difference != 0;
        };
    }

    public static Direction parse(String text) {
        for (Direction d : values()) {
            if (d.label().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new BadInputException("unknown direction '" + text + "': expected increase, decrease or both");
    }
}
