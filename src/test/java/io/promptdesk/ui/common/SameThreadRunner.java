package io.promptdesk.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs work on the calling thread. By default at once; {@link #deferred()} queues it until {@link #runPending()},
 * so a test can act (cancel, say) while a task is "running".
 */
public final class SameThreadRunner implements BackgroundRunner {

    private final boolean defer;
    private final Deque<Runnable> pending = new ArrayDeque<>();

    private SameThreadRunner(boolean defer) {
        this.defer = defer;
    }

    public static SameThreadRunner immediate() {
        return new SameThreadRunner(false);
    }

    public static SameThreadRunner deferred() {
        return new SameThreadRunner(true);
    }

    @Override
    public <T> TaskHandle run(BackgroundWork<T> work, ProgressListener onProgress, Consumer<? super T> onSuccess,
                              Consumer<? super RuntimeException> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable task = () -> {
            T result;
            try {
                result = work.run(onProgress, cancelled::get);
            } catch (RuntimeException e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(result);
        };
        if (defer) {
            pending.add(task);
        } else {
            task.run();
        }
        return new TaskHandle() {
            @Override
            public void cancel() {
                cancelled.set(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    /** Runs the queued tasks in order; returns how many ran. */
    public int runPending() {
        int n = 0;
        while (!pending.isEmpty()) {
            pending.poll().run();
            n++;
        }
        return n;
    }
}
