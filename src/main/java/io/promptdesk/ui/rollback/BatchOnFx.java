package io.promptdesk.ui.rollback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items produced on a worker thread to a consumer on the FX thread in batches: however many arrive, at most
 * one hop is pending and it carries every item queued until it runs. The hop is injected
 * ({@code Platform::runLater} in the console, {@code Runnable::run} in tests).
 */
final class BatchOnFx<T> implements Consumer<T> {
    private final Consumer<List<T>> target;
    private final Consumer<Runnable> fxThread;
    private final ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    BatchOnFx(Consumer<List<T>> target, Consumer<Runnable> fxThread) {
        this.target = Objects.requireNonNull(target);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    @Override
    public void accept(T item) {
        queue.add(Objects.requireNonNull(item));
        if (scheduled.compareAndSet(false, true)) {
            fxThread.accept(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        for (T t = queue.poll(); t != null; t = queue.poll()) {
            batch.add(t);
        }
        if (!batch.isEmpty()) {
            target.accept(batch);
        }
    }
}
