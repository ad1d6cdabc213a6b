package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;

import java.nio.file.Path;

/** What the Author workspace needs from the composition root. */
public record AuthorServices(Path workspace, PromptTestRunner engine, BackgroundRunner runner,
                             DialogService dialogs, TemplateFiles files, RecentFiles recentFiles,
                             TestRequestFactory requests) {
}
