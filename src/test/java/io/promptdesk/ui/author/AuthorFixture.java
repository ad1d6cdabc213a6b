package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.FakeDialogService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small workspace on disk and an Author view model over it, for tests. */
final class AuthorFixture {

    static final String GREETING = "Write a {tone} greeting for {name}, who just joined the team.";
    static final String GREETING_CASES = """
            [
              {"tone": "warm", "name": "Ada"},
              {"tone": "formal", "name": "Grace"},
              {"tone": "playful"}
            ]
            """;
    static final String SUMMARY = "Summarise {{ text }} in three bullet points for {{ reader }}.";

    private AuthorFixture() {
    }

    /** greeting.prompt (3 cases, the third lacks {@code name}) and summary.prompt (no cases). */
    static Path workspace(Path dir) throws IOException {
        Files.writeString(dir.resolve("greeting.prompt"), GREETING, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("greeting.cases.json"), GREETING_CASES, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("summary.prompt"), SUMMARY, StandardCharsets.UTF_8);
        return dir;
    }

    static AuthorViewModel viewModel(Path workspace, BackgroundRunner runner, FakeDialogService dialogs) {
        // One worker: the engine then runs on the calling thread, so the same-thread runner stays single-threaded.
        return new AuthorViewModel(new AuthorServices(workspace, new PromptTestRunner(1), runner, dialogs,
                new TemplateFiles(), RecentFiles.forWorkspace(workspace), TestRequestFactory.defaults()));
    }
}
