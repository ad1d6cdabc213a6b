package io.promptdesk.remote;

import java.time.Duration;

/** Waits between retries; injected so that tests record the backoff instead of waiting it out. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
