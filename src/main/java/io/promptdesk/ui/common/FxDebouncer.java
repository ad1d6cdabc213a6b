package io.promptdesk.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the FX pulse: the action runs once {@code quiet} has passed without a new request. */
public final class FxDebouncer implements Debouncer {

    private final PauseTransition pause;

    public FxDebouncer(Duration quiet) {
        this.pause = new PauseTransition(quiet);
    }

    @Override
    public void request(Runnable action) {
        pause.setOnFinished(e -> action.run());
        pause.playFromStart();
    }
}
