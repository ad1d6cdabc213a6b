package io.promptdesk.registry;

import io.promptdesk.model.TemplateDialect;

import java.util.Map;

/**
 * A version to register.
 *
 * @param dialect    the template's placeholder dialect, or null to detect it
 * @param testReport a JSON test report (for example {@code promptdesk test --json}), or null
 * @param status     {@link VersionStatus#CANDIDATE} (the usual) or {@link VersionStatus#STABLE} to make it
 *                   production at once (the first version of a model)
 */
public record NewVersion(String model, String version, String template, TemplateDialect dialect, String testReport,
                         VersionStatus status, Map<String, String> tags) {
    public NewVersion {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tags));
        status = status == null ? VersionStatus.CANDIDATE : status;
    }

    public static NewVersion candidate(String model, String version, String template) {
        return new NewVersion(model, version, template, null, null, VersionStatus.CANDIDATE, Map.of());
    }
}
