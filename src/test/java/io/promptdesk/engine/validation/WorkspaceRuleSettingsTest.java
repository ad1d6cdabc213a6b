package io.promptdesk.engine.validation;

import io.promptdesk.engine.validation.profanity.ProfanityLevel;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceRuleSettingsTest {

    @TempDir
    Path workspace;

    @Test
    void theWorkspaceChoosesTheProfanityLevel() throws Exception {
        Files.writeString(workspace.resolve("promptdesk.yaml"), "validation:\n  profanity_level: strict\n");

        assertThat(WorkspaceRuleSettings.profanityLevel(workspace)).isEqualTo(ProfanityLevel.STRICT);
        assertThat(WorkspaceRuleSettings.of(workspace).profanityLevel()).isEqualTo(ProfanityLevel.STRICT);
        // a command-line choice wins; none keeps the workspace's
        assertThat(WorkspaceRuleSettings.of(workspace).withProfanityLevel(ProfanityLevel.STANDARD).profanityLevel())
                .isEqualTo(ProfanityLevel.STANDARD);
        assertThat(WorkspaceRuleSettings.of(workspace).withProfanityLevel(null).profanityLevel())
                .isEqualTo(ProfanityLevel.STRICT);
    }

    @Test
    void withoutAChoiceTheDefaultIsStandard() throws Exception {
        assertThat(WorkspaceRuleSettings.profanityLevel(workspace)).isNull();
        Files.writeString(workspace.resolve("promptdesk.yaml"), "connections: {}\n");
        assertThat(WorkspaceRuleSettings.of(workspace).profanityLevel()).isEqualTo(ProfanityLevel.STANDARD);
        assertThat(RuleSettings.defaults().profanityLevel()).isEqualTo(ProfanityLevel.STANDARD);
    }

    @Test
    void aBadLevelNamesTheFileTheKeyAndTheValues() throws Exception {
        Files.writeString(workspace.resolve("promptdesk.yaml"), "validation:\n  profanity_level: loud\n");

        assertThatThrownBy(() -> WorkspaceRuleSettings.of(workspace)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("promptdesk.yaml").hasMessageContaining("validation.profanity_level")
                .hasMessageContaining("standard, strict").hasMessageContaining("loud");
    }
}
