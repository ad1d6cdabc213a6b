package io.promptdesk.registry.mlflow;

import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.registry.VersionStatus;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * MLflow's prompt registry layout (a prompt is a registered model tagged {@code mlflow.prompt.is_prompt}, each
 * version holds its text in {@code mlflow.prompt.text}) and the tags PromptDesk adds for what MLflow has no field
 * for: status, dialect, author, the test report, and the version label the user gave.
 */
final class PromptTags {
    static final String IS_PROMPT = "mlflow.prompt.is_prompt";
    static final String TEXT = "mlflow.prompt.text";
    static final String TYPE = "_mlflow_prompt_type";
    static final String SOURCE = "prompt-template";
    static final String STATUS = "promptdesk.status";
    static final String DIALECT = "promptdesk.dialect";
    static final String CREATED_BY = "promptdesk.created_by";
    static final String TEST_REPORT = "promptdesk.test_report";
    static final String LABEL = "promptdesk.label";

    private PromptTags() {
    }

    /** Tags that belong to MLflow or to PromptDesk's bookkeeping, not to the user. */
    static boolean reserved(String key) {
        return key.startsWith("mlflow.") || key.startsWith("_mlflow") || key.startsWith("promptdesk.");
    }

    /**
     * The version as the registry port shows it: MLflow's number is the version; the user's label is a tag.
     *
     * @throws RegistryException when the version is not a prompt version (no text)
     */
    static ModelVersion toModelVersion(MlflowVersion v) {
        String text = v.tags().get(TEXT);
        if (text == null) {
            throw new RegistryException(v.name() + " version " + v.version() + " in MLflow is not a prompt version: "
                    + "it has no " + TEXT + " tag");
        }
        String dialect = v.tags().get(DIALECT);
        TemplateDialect d = dialect != null ? TemplateDialect.valueOf(dialect.toUpperCase(Locale.ROOT))
                : TemplateParser.detectDialect(text);
        Map<String, String> tags = new TreeMap<>();
        v.tags().forEach((k, val) -> {
            if (!reserved(k)) {
                tags.put(k, val);
            }
        });
        if (v.tags().containsKey(LABEL)) {
            tags.put("label", v.tags().get(LABEL));
        }
        return new ModelVersion(v.name(), v.version(), text, d, v.tags().get(TEST_REPORT), status(v),
                createdBy(v), Instant.ofEpochMilli(v.creationTimestamp()), tags);
    }

    static VersionStatus status(MlflowVersion v) {
        if ("FAILED_REGISTRATION".equals(v.status())) {
            return VersionStatus.FAILED;
        }
        String s = v.tags().get(STATUS);
        return s == null ? VersionStatus.CANDIDATE : VersionStatus.of(s);
    }

    private static String createdBy(MlflowVersion v) {
        String by = v.tags().get(CREATED_BY);
        if (by != null) {
            return by;
        }
        return v.userId() != null && !v.userId().isBlank() ? v.userId() : "mlflow";
    }

    /** A single-quoted string literal of MLflow's search filter grammar. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
