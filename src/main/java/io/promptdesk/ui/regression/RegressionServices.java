package io.promptdesk.ui.regression;

import io.promptdesk.app.RunHistory;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.Debouncer;

import java.nio.file.Path;

/**
 * What the Regression workspace needs from the composition root.
 *
 * @param workspace where the file choosers start
 * @param history   the test runs recorded by the Author workspace
 * @param debouncer coalesces setting changes into one analysis
 */
public record RegressionServices(Path workspace, BackgroundRunner runner, DialogService dialogs,
                                 RunHistory history, Debouncer debouncer) {
}
