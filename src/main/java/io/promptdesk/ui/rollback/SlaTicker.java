package io.promptdesk.ui.rollback;

/**
 * What makes the SLA countdown move: calls {@code tick} on the FX thread a few times a second until stopped.
 * The console uses a JavaFX timeline; tests fire ticks themselves after moving a fake clock.
 */
public interface SlaTicker {

    void start(Runnable tick);

    void stop();
}
