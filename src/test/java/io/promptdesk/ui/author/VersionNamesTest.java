package io.promptdesk.ui.author;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VersionNamesTest {

    @Test
    void theModelIsNamedAfterTheTemplateFile() {
        assertThat(VersionNames.modelName(Path.of("/w/support-reply.prompt"))).isEqualTo("support-reply");
        assertThat(VersionNames.modelName(Path.of("/w/My Greeting (v2).txt"))).isEqualTo("My-Greeting-v2-");
        assertThat(VersionNames.modelName(Path.of("/w/_draft.prompt"))).isEqualTo("draft");
        assertThat(VersionNames.modelName(Path.of("/w/###.prompt"))).isEqualTo("template");
    }

    @Test
    void theNextVersionFollowsTheLatestNumberedOne() {
        assertThat(VersionNames.next(List.of())).isEqualTo("1.0");
        assertThat(VersionNames.next(List.of("1.0"))).isEqualTo("1.1");
        assertThat(VersionNames.next(List.of("1.0", "1.1", "1.2"))).isEqualTo("1.3");
        assertThat(VersionNames.next(List.of("v1", "v2"))).isEqualTo("v3");
        assertThat(VersionNames.next(List.of("2.0.9"))).isEqualTo("2.0.10");
        assertThat(VersionNames.next(List.of("1.4", "experiment"))).isEqualTo("1.5");
        assertThat(VersionNames.next(List.of("experiment"))).isEqualTo("1.0");
        assertThat(VersionNames.next(List.of("1.1", "1.0"))).as("never one that exists").isEqualTo("1.2");
    }
}
