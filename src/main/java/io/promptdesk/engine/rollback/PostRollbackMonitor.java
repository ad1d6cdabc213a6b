package io.promptdesk.engine.rollback;

import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Watches the production version after a rollback: a snapshot every interval, on the clock, for the duration,
 * each handed to the listener as it is taken. Runs on the controller's executor; cancel the future to stop early.
 */
final class PostRollbackMonitor {
    private final RollbackEnvironment env;
    private final HealthProbe probe;

    PostRollbackMonitor(RollbackEnvironment env, HealthProbe probe) {
        this.env = env;
        this.probe = probe;
    }

    CompletableFuture<PostRollbackHealth> watch(String model, Duration duration, Duration interval,
                                                HealthSnapshotListener listener) {
        if (duration.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new BadInputException("a health watch needs a duration of at least 0 s and an interval of at least "
                    + "1 s, got " + duration.toSeconds() + " s every " + interval.toSeconds() + " s");
        }
        env.registry().model(model);
        CompletableFuture<PostRollbackHealth> result = new CompletableFuture<>();
        env.executor().execute(() -> {
            try {
                result.complete(run(model, duration, interval, listener, result));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    private PostRollbackHealth run(String model, Duration duration, Duration interval, HealthSnapshotListener listener,
                                   CompletableFuture<?> control) throws InterruptedException {
        Clock clock = env.clock();
        Instant start = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant end = start.plus(duration);
        List<HealthSnapshot> snapshots = new ArrayList<>();
        String version = null;
        for (int k = 0; !control.isCancelled(); k++) {
            version = env.registry().resolve(model, ModelRegistry.PRODUCTION).map(ModelVersion::version)
                    .orElseThrow(() -> new PromptDeskException(model + " has no production version to watch"));
            HealthSnapshot s = probe.snapshot(model, version, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            snapshots.add(s);
            listener.onSnapshot(s);
            // Snapshots keep to start + k * interval, so a slow snapshot does not shift the ones after it.
            Instant next = start.plus(interval.multipliedBy(k + 1L));
            if (next.isAfter(end)) {
                break;
            }
            Duration wait = Duration.between(clock.instant(), next);
            env.timer().pause(wait.isNegative() ? Duration.ZERO : wait);
        }
        return PostRollbackHealth.of(model, version, start.toString(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), snapshots);
    }
}
