package io.promptdesk.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import io.promptdesk.model.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a version stands in its life: registered, in a rollout, serving production, retired or rejected. */
public enum VersionStatus {
    CANDIDATE, CANARY, STABLE, DEPRECATED, FAILED;

    /** The name used in the store, the CLI and JSON. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VersionStatus of(String key) {
        for (VersionStatus s : values()) {
            if (s.key().equalsIgnoreCase(key.strip())) {
                return s;
            }
        }
        throw new BadInputException("unknown version status '" + key + "': use one of "
                + Arrays.stream(values()).map(VersionStatus::key).collect(Collectors.joining(", ")));
    }
}
