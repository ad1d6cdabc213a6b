package io.promptdesk.ui.common;

import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers every callback on the FX thread (JabRef's TaskExecutor idea).
 * View models depend on this interface only; tests pass a runner that does everything on the calling thread.
 */
public interface BackgroundRunner {

    /**
     * Starts {@code work}. Exactly one of {@code onSuccess} and {@code onFailure} is called, after the last
     * {@code onProgress}.
     */
    <T> TaskHandle run(BackgroundWork<T> work, ProgressListener onProgress, Consumer<? super T> onSuccess,
                       Consumer<? super RuntimeException> onFailure);
}
