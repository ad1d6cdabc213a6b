package io.promptdesk.ui.common;

import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link BackgroundRunner} over an executor owned by the composition root. Progress is coalesced: however
 * often the work reports, at most one {@code Platform.runLater} is pending at a time, carrying the latest value.
 */
public final class FxBackgroundRunner implements BackgroundRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackgroundRunner.class);

    private final ExecutorService executor;

    public FxBackgroundRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> TaskHandle run(BackgroundWork<T> work, ProgressListener onProgress, Consumer<? super T> onSuccess,
                              Consumer<? super RuntimeException> onFailure) {
        Handle handle = new Handle();
        CoalescingProgress progress = new CoalescingProgress(onProgress);
        if (executor.isShutdown()) {
            // The console is closing (its pools stop before the store): a late refresh has nowhere to run.
            handle.cancel();
            return handle;
        }
        try {
            executor.execute(() -> {
                try {
                    T result = work.run(progress, handle::isCancelled);
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (RuntimeException e) {
                    // The boundary where background failures meet the UI: the view model shows them.
                    LOG.debug("background work failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("background work dropped: the console is closing");
            handle.cancel();
        }
        return handle;
    }

    private static final class Handle implements TaskHandle {
        private final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    private static final class CoalescingProgress implements ProgressListener {
        private final ProgressListener target;
        private final AtomicLong latest = new AtomicLong();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        CoalescingProgress(ProgressListener target) {
            this.target = target;
        }

        @Override
        public void progress(int completed, int total) {
            latest.set(((long) completed << 32) | (total & 0xFFFFFFFFL));
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scheduled.set(false);
                    long packed = latest.get();
                    target.progress((int) (packed >>> 32), (int) packed);
                });
            }
        }
    }
}
