package io.promptdesk.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.promptdesk.model.TemplateDialect;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One registered version of a model's prompt template.
 *
 * @param testReport the JSON test report the version was registered with, or null
 * @param tags       free key/value labels, sorted by key
 */
@JsonPropertyOrder({"model", "version", "status", "dialect", "created_by", "created_at", "tags", "template",
        "test_report"})
public record ModelVersion(String model, String version, String template, TemplateDialect dialect,
                           @JsonRawValue String testReport, VersionStatus status, String createdBy,
                           @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
                           Map<String, String> tags) {
    public ModelVersion {
        // Sorted by name so listings and JSON read the same every time (Map.copyOf has no stable order).
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    public ModelVersion withStatus(VersionStatus newStatus) {
        return new ModelVersion(model, version, template, dialect, testReport, newStatus, createdBy, createdAt, tags);
    }
}
