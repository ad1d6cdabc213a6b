package io.promptdesk.ui.common;

/**
 * Coalesces bursts of requests (a spinner held down, typing) into one action after a short quiet time. Called
 * and run on the FX thread; a new request replaces the pending one. Tests pass {@code Runnable::run}.
 */
@FunctionalInterface
public interface Debouncer {

    void request(Runnable action);
}
