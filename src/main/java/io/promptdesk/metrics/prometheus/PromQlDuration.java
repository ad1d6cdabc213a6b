package io.promptdesk.metrics.prometheus;

import java.time.Duration;

/** A duration as PromQL writes it in a range selector: {@code 90s}, {@code 1500ms}. */
final class PromQlDuration {
    private PromQlDuration() {
    }

    static String of(Duration d) {
        long ms = Math.max(1, d.toMillis());
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
