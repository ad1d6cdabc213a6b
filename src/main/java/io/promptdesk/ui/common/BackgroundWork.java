package io.promptdesk.ui.common;

import java.util.function.BooleanSupplier;

/**
 * A piece of work for a {@link BackgroundRunner}. It runs off the FX thread, so it must not touch nodes or
 * view-model properties: it only computes and reports progress.
 */
@FunctionalInterface
public interface BackgroundWork<T> {

    /**
     * @param progress  thread-safe; the runner forwards it to the FX thread, coalesced
     * @param cancelled becomes true once the task is cancelled; long work should poll it
     */
    T run(ProgressListener progress, BooleanSupplier cancelled);
}
