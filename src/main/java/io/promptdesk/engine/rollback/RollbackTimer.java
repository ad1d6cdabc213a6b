package io.promptdesk.engine.rollback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the controller lets time pass: the pause between retries and health snapshots, and the SLA watchdog's wait
 * for a rollback. Injected like a ticker, so tests move a simulated clock instead of sleeping.
 */
public interface RollbackTimer {

    /** Real time: {@link Thread#sleep} and a bounded {@link Future#get}. */
    RollbackTimer SYSTEM = new RollbackTimer() {
        @Override
        public void pause(Duration d) throws InterruptedException {
            if (!d.isNegative() && !d.isZero()) {
                Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
            }
        }

        @Override
        public boolean await(Future<?> work, Clock clock, Instant deadline) throws InterruptedException {
            long ms = Math.max(0, Duration.between(clock.instant(), deadline).toMillis());
            try {
                work.get(ms, TimeUnit.MILLISECONDS);
                return true;
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                return work.isDone();
            }
        }
    };

    void pause(Duration d) throws InterruptedException;

    /** Waits for {@code work} until {@code deadline} on {@code clock}; true when it is done. */
    boolean await(Future<?> work, Clock clock, Instant deadline) throws InterruptedException;
}
