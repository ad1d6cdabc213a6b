package io.promptdesk.ui.rollout;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values produced on a background thread to a consumer on the FX thread, coalesced: however many arrive,
 * at most one hop is pending and it carries the latest value. The hop itself is injected
 * ({@code Platform::runLater} in the console, {@code Runnable::run} in tests).
 */
public final class LatestOnFx<T> implements Consumer<T> {
    private final Consumer<? super T> target;
    private final Consumer<Runnable> fxThread;
    private final AtomicReference<T> latest = new AtomicReference<>();

    public LatestOnFx(Consumer<? super T> target, Consumer<Runnable> fxThread) {
        this.target = Objects.requireNonNull(target);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    @Override
    public void accept(T value) {
        if (latest.getAndSet(Objects.requireNonNull(value)) == null) {
            fxThread.accept(() -> target.accept(latest.getAndSet(null)));
        }
    }
}
