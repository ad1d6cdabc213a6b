package io.promptdesk.engine.testing;

/** Progress of a test run; called from worker threads, about once per percent of the cases. */
@FunctionalInterface
public interface RunListener {
    RunListener NONE = (completed, total) -> { };

    void progress(int completed, int total);
}
