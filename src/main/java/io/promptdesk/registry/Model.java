package io.promptdesk.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model: a deployment name under which template versions are registered.
 *
 * @param aliases alias name to version, e.g. {@code production -> 2.1.0}
 */
@JsonPropertyOrder({"name", "created_by", "created_at", "aliases", "version_count"})
public record Model(String name, String createdBy, @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
                    Map<String, String> aliases, int versionCount) {
    public Model {
        // Sorted by name so listings and JSON read the same every time (Map.copyOf has no stable order).
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }
}
