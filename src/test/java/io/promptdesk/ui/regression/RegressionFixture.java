package io.promptdesk.ui.regression;

import io.promptdesk.app.RunHistory;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.FakeDialogService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The Regression view model on a given runner, with analyses started at once (no debounce), for tests. */
final class RegressionFixture {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:15:30Z"), ZoneOffset.UTC);

    private RegressionFixture() {
    }

    static RegressionViewModel viewModel(Path workspace, BackgroundRunner runner, FakeDialogService dialogs,
                                         RunHistory history) {
        return new RegressionViewModel(new RegressionServices(workspace, runner, dialogs, history, Runnable::run));
    }

    static RegressionViewModel viewModel(Path workspace, BackgroundRunner runner, FakeDialogService dialogs) {
        return viewModel(workspace, runner, dialogs, RunHistory.inMemory(CLOCK));
    }

    /** The shipped sample file {@code name} (resources/sample-workspace). */
    static Path sample(String name) {
        return Path.of("resources", "sample-workspace", name).toAbsolutePath();
    }
}
