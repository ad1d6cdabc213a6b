package io.promptdesk.ui.common;

/** Progress of background work: {@code completed} of {@code total} units. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (completed, total) -> { };

    void progress(int completed, int total);
}
