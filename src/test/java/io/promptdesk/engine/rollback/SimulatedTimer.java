package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Time for tests: a pause moves the simulated clock (and serves the simulated traffic of that time) instead of
 * sleeping; the watchdog's wait, when the work is not done, moves the clock to the deadline and gives up.
 */
final class SimulatedTimer implements RollbackTimer {
    private final SimulatedClock clock;
    private final SimulatedService sim;
    final List<Duration> pauses = new ArrayList<>();
    /** Runs at each pause, before the clock moves: a test's stand-in for another process acting meanwhile. */
    volatile Runnable onPause = () -> {
    };

    SimulatedTimer(SimulatedClock clock, SimulatedService sim) {
        this.clock = clock;
        this.sim = sim;
    }

    @Override
    public void pause(Duration d) {
        synchronized (pauses) {
            pauses.add(d);
        }
        onPause.run();
        clock.advance(d);
        sim.catchUp();
    }

    @Override
    public boolean await(Future<?> work, Clock c, Instant deadline) {
        if (work.isDone()) {
            return true;
        }
        Duration left = Duration.between(clock.instant(), deadline);
        if (!left.isNegative()) {
            clock.advance(left.plusMillis(1));
        }
        return work.isDone();
    }
}
