package io.promptdesk.engine.pipeline;

import java.time.Duration;

/**
 * How a waiting pipeline lets time pass between rollout ticks: the CLI sleeps (and lets the simulated service
 * catch up), tests move a simulated clock, so nothing sleeps in a test.
 */
@FunctionalInterface
public interface Pacer {
    /** Lets {@code clockTime} of the clock pass. */
    void await(Duration clockTime) throws InterruptedException;
}
