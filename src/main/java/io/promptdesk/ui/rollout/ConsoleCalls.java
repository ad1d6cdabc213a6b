package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.ConsoleSnapshot;
import io.promptdesk.app.rollout.RolloutConsole;

import io.promptdesk.model.PromptDeskException;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.ProgressListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs the person's intents against the console off the FX thread and applies the snapshot each returns; a
 * refused or failed intent is shown through the dialog service, then the state is re-read (a refused advance may
 * well have paused the rollout). {@link #busyProperty()} is true while any intent is under way.
 */
final class ConsoleCalls {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleCalls.class);

    private final RolloutConsole console;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final Consumer<ConsoleSnapshot> apply;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private int pending;

    ConsoleCalls(RolloutConsole console, BackgroundRunner runner, DialogService dialogs,
                 Consumer<ConsoleSnapshot> apply) {
        this.console = console;
        this.runner = runner;
        this.dialogs = dialogs;
        this.apply = apply;
    }

    /** Runs {@code work} and applies its snapshot; on failure shows {@code failureTitle} with the reason. */
    void call(String failureTitle, Function<RolloutConsole, ConsoleSnapshot> work) {
        call(failureTitle, work, apply);
    }

    /** As {@link #call(String, Function)}, with {@code onSuccess} taking the snapshot instead. */
    void call(String failureTitle, Function<RolloutConsole, ConsoleSnapshot> work,
              Consumer<ConsoleSnapshot> onSuccess) {
        started();
        runner.run((progress, cancelled) -> work.apply(console), ProgressListener.NONE, snapshot -> {
            finished();
            onSuccess.accept(snapshot);
        }, e -> {
            finished();
            // Domain exceptions carry a message written for people; anything else also gets its details.
            dialogs.showError(failureTitle, e.getMessage(), e instanceof PromptDeskException ? null : e);
            quietly(RolloutConsole::refresh);
        });
    }

    /** Runs {@code work} without marking the console busy; a failure is left to the next tick to show. */
    void quietly(Function<RolloutConsole, ConsoleSnapshot> work) {
        runner.run((progress, cancelled) -> work.apply(console), ProgressListener.NONE, apply,
                e -> LOG.debug("re-reading the rollouts failed: {}", e.getMessage()));
    }

    /** Applies a snapshot as a plain call would. */
    void apply(ConsoleSnapshot snapshot) {
        apply.accept(snapshot);
    }

    private void started() {
        pending++;
        busy.set(true);
    }

    private void finished() {
        pending--;
        busy.set(pending > 0);
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
