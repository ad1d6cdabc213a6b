package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.ConsoleSnapshot;
import io.promptdesk.app.rollout.RolloutConsole;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ticks the console on a scheduler owned by the composition root, off the FX thread, and hands each tick's
 * snapshot to {@code publish} (which hops to the FX thread once per snapshot, see {@link LatestOnFx}). Tests call
 * {@link #tickOnce()} themselves after moving simulated time.
 */
public final class RolloutDriver implements AutoCloseable {
    /** How often the console ticks in real time: smooth stage clocks without busy work. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(RolloutDriver.class);

    private final RolloutConsole console;
    private final Consumer<ConsoleSnapshot> publish;
    private ScheduledFuture<?> task;
    private String lastFailure;

    public RolloutDriver(RolloutConsole console, Consumer<ConsoleSnapshot> publish) {
        this.console = Objects.requireNonNull(console);
        this.publish = Objects.requireNonNull(publish);
    }

    /** Starts ticking every {@code period} on {@code scheduler}. */
    public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
        if (task != null) {
            throw new IllegalStateException("the rollout driver is already running");
        }
        task = scheduler.scheduleWithFixedDelay(this::tickOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: drive the rollouts and the simulator, publish the snapshot. */
    public void tickOnce() {
        try {
            publish.accept(console.tick());
            lastFailure = null;
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: log it (once per cause) and keep ticking.
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
                LOG.error("rollout tick failed: {}", e.getMessage(), e);
                lastFailure = String.valueOf(e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
