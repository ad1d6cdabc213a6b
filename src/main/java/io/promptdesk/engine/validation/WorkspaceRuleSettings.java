package io.promptdesk.engine.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code validation:} section of the workspace's {@code promptdesk.yaml}:
 *
 * <pre>
 * validation:
 *   profanity_level: strict   # standard (the default) or strict
 * </pre>
 *
 * A command-line option ({@code --profanity-level}) overrides the workspace's choice.
 */
public final class WorkspaceRuleSettings {

    public static final String FILE = "promptdesk.yaml";
    public static final String KEY = "validation.profanity_level";

    private WorkspaceRuleSettings() {
    }

    /**
     * The workspace's profanity level, or {@code null} when the file, the section or the key is absent.
     *
     * @throws BadInputException when the file is not YAML or the level is not one of the allowed values
     */
    public static ProfanityLevel profanityLevel(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + " is not readable YAML: " + e.getMessage(), e);
        }
        JsonNode value = root == null ? null : root.path("validation").get("profanity_level");
        if (value == null || value.isNull()) {
            return null;
        }
        return ProfanityLevel.parse(value.asText(), file + ": " + KEY);
    }

    /** Default rule settings at the workspace's profanity level (the default level when it chooses none). */
    public static RuleSettings of(Path workspace) {
        return RuleSettings.defaults().withProfanityLevel(profanityLevel(workspace));
    }
}
