package io.promptdesk.ui.common;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** A refresh asked for while the console closes (its pools already stopped) is dropped, not thrown on the FX thread. */
class FxBackgroundRunnerTest {
    @Test
    void workAskedForAfterThePoolStoppedIsDroppedQuietly() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdownNow();
        AtomicBoolean ran = new AtomicBoolean();
        TaskHandle h = new FxBackgroundRunner(pool).run((p, c) -> {
            ran.set(true);
            return 1;
        }, ProgressListener.NONE, v -> ran.set(true), e -> ran.set(true));
        assertThat(h.isCancelled()).isTrue();
        assertThat(ran).isFalse();
    }
}
