package io.promptdesk.registry;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The kinds of change the registry history records. */
public enum RegistryEventKind {
    MODEL_CREATED, VERSION_REGISTERED, STATUS_CHANGED, ALIAS_MOVED, ALIAS_REMOVED, TAG_SET;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RegistryEventKind of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
