package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonValue;
import io.promptdesk.model.BadInputException;

import java.util.Locale;

/** What an unhealthy health check does: pause at the current percentage for a person to decide, or roll back. */
public enum UnhealthyPolicy {
    PAUSE, ROLLBACK;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnhealthyPolicy of(String key) {
        for (UnhealthyPolicy p : values()) {
            if (p.key().equalsIgnoreCase(key.strip())) {
                return p;
            }
        }
        throw new BadInputException("unknown unhealthy policy '" + key + "': use pause or rollback");
    }
}
