package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.VersionStatus;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A registry decorator that misbehaves on demand, like a remote registry: each change can take simulated time
 * (the clock moves, nothing sleeps), fail with an I/O error, or block on a gate until the test opens it.
 */
final class ControlledRegistry implements ModelRegistry {
    private final ModelRegistry delegate;
    private final SimulatedClock clock;
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger failedWrites = new AtomicInteger();
    volatile int failuresLeft;
    volatile Duration writeDelay = Duration.ZERO;
    volatile boolean delayFailures;
    /** While set, the first call made on the thread named {@code gateThread} signals {@code entered} and waits. */
    volatile CountDownLatch gate;
    volatile String gateThread;
    /** The gate applies only to changes (the switch), not to reads. */
    volatile boolean gateWritesOnly;
    final CountDownLatch entered = new CountDownLatch(1);

    ControlledRegistry(ModelRegistry delegate, SimulatedClock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    private void call() {
        if (!gateWritesOnly) {
            pass();
        }
    }

    private void pass() {
        CountDownLatch g = gate;
        if (g != null && Thread.currentThread().getName().equals(gateThread)) {
            gate = null;
            entered.countDown();
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void write() {
        pass();
        writes.incrementAndGet();
        if (failuresLeft > 0) {
            failuresLeft--;
            failedWrites.incrementAndGet();
            if (delayFailures) {
                clock.advance(writeDelay);
            }
            throw new UncheckedIOException(new java.io.IOException("registry unavailable (injected)"));
        }
        if (!writeDelay.isZero()) {
            clock.advance(writeDelay);
        }
    }

    @Override
    public ModelVersion register(NewVersion version, Attribution by) {
        return delegate.register(version, by);
    }

    @Override
    public Optional<ModelVersion> find(String model, String version) {
        call();
        return delegate.find(model, version);
    }

    @Override
    public ModelVersion get(String model, String version) {
        call();
        return delegate.get(model, version);
    }

    @Override
    public List<Model> models() {
        return delegate.models();
    }

    @Override
    public Model model(String model) {
        call();
        return delegate.model(model);
    }

    @Override
    public List<ModelVersion> versions(String model) {
        call();
        return delegate.versions(model);
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        call();
        return delegate.resolve(model, alias);
    }

    @Override
    public void setAlias(String model, String alias, String version, Attribution by) {
        write();
        delegate.setAlias(model, alias, version, by);
    }

    @Override
    public void removeAlias(String model, String alias, Attribution by) {
        write();
        delegate.removeAlias(model, alias, by);
    }

    @Override
    public void setStatus(String model, String version, VersionStatus status, Attribution by) {
        write();
        delegate.setStatus(model, version, status, by);
    }

    @Override
    public void setTag(String model, String version, String key, String value, Attribution by) {
        write();
        delegate.setTag(model, version, key, value, by);
    }

    @Override
    public List<RegistryEvent> history(String model) {
        call();
        return delegate.history(model);
    }
}
