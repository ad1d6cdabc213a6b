package io.promptdesk.ui.common;

/** A started background task; cancelling only asks the work to stop at its next check. */
public interface TaskHandle {

    void cancel();

    boolean isCancelled();
}
