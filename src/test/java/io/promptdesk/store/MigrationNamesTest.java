package io.promptdesk.store;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationNamesTest {

    @Test
    void migrationNamesMustFollowTheConvention() {
        assertThat(Migration.of("/d/", "V12__add_tags.sql")).isEqualTo(new Migration(12, "add tags", "/d/V12__add_tags.sql"));
        assertThatThrownBy(() -> Migration.of("/d/", "V0__x.sql")).hasMessageContaining("V<n>__");
        assertThatThrownBy(() -> Migration.of("/d/", "add.sql")).hasMessageContaining("V<n>__");
    }

    @Test
    void theDefaultWorkspaceFollowsThePlatformConvention() {
        assertThat(Workspace.defaultDirectory(Map.of("XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/x/promptdesk"));
        assertThat(Workspace.defaultDirectory(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/promptdesk"));
        assertThat(Workspace.defaultDirectory(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/PromptDesk"));
    }
}
