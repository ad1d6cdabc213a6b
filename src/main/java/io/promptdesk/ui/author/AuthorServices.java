package io.promptdesk.ui.author;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the Author workspace needs from the composition root.
 *
 * @param history where each complete test run is recorded, for the Regression workspace to compare
 */
public record AuthorServices(Path workspace, PromptTestRunner engine, BackgroundRunner runner,
                             DialogService dialogs, TemplateFiles files, RecentFiles recentFiles,
                             TestRequestFactory requests, RunHistory history) {

    /** Services whose run history lives in memory only. */
    public AuthorServices(Path workspace, PromptTestRunner engine, BackgroundRunner runner, DialogService dialogs,
                          TemplateFiles files, RecentFiles recentFiles, TestRequestFactory requests) {
        this(workspace, engine, runner, dialogs, files, recentFiles, requests, RunHistory.inMemory(Clock.systemUTC()));
    }
}
