package io.promptdesk.app;

import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsoleBootTest {
    @TempDir
    Path dir;

    private static WorkspaceLocator at(Path folder) {
        Map<String, String> props = Map.of(WorkspaceLocator.PROPERTY, folder.toString());
        return new WorkspaceLocator(props::get, k -> null);
    }

    @Test
    void aFirstStartGetsTheSampleWorkspaceAndItsDatabaseOnTheBootThread() {
        Path ws = dir.resolve("fresh");

        ConsoleBoot boot = ConsoleBoot.begin(at(ws), Clock.systemUTC()).join();
        try {
            assertThat(boot.workspace()).isEqualTo(ws);
            assertThat(ws.resolve("article-writer.prompt")).exists();
            assertThat(Workspace.databaseFile(ws)).exists();
            assertThat(boot.history()).isNotNull();
        } finally {
            boot.engines().close();
        }
    }

    @Test
    void aWorkspaceThatIsAFileFailsWithAHeadingAndWhatToDo() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> ConsoleBoot.begin(at(file), Clock.systemUTC()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(ConsoleBoot.BootException.class, e -> {
                    assertThat(e.heading()).isEqualTo("Cannot open the workspace");
                    assertThat(e.getMessage()).contains(WorkspaceLocator.PROPERTY).contains("writable folder");
                });
    }

    @Test
    void aDatabaseThatCannotBeOpenedSaysSo() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("kept.prompt"), "Hello {name}");
        Files.writeString(Workspace.databaseFile(ws), "this is not an SQLite database, it is text");

        assertThatThrownBy(() -> ConsoleBoot.prepare(at(ws), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConsoleBoot.BootException.class,
                        e -> assertThat(e.heading()).isEqualTo("Cannot open the workspace database"));
    }
}
