package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.RunListener;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.model.TestReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The spec's AsyncCICDPipeline: tests several templates in parallel, within {@link ResourceLimits}. At most
 * {@code max_concurrent_tests} templates run at once (a semaphore; the others wait for a permit on their executor
 * thread), each run's time limit is at most {@code timeout_per_test}, and the memory guard refuses a batch whose
 * estimate exceeds {@code memory_limit_mb} and aborts one whose measured heap growth does (every test stops at its
 * next case). Thread-safe; one instance may run many batches, each with its own permits.
 */
public final class AsyncCicdPipeline {
    /** Bytes per rendered character with its findings and strings around it: a deliberately generous factor. */
    static final int BYTES_PER_CHAR = 16;
    private static final double MB = 1024.0 * 1024.0;

    private final PromptTestRunner runner;
    private final Executor executor;
    private final ResourceLimits limits;
    private final MemoryGauge gauge;

    /** @param executor runs one task per template; needs as many threads as templates may wait for a permit */
    public AsyncCicdPipeline(PromptTestRunner runner, Executor executor, ResourceLimits limits, MemoryGauge gauge) {
        this.runner = runner;
        this.executor = executor;
        this.limits = limits;
        this.gauge = gauge;
    }

    public ResourceLimits limits() {
        return limits;
    }

    /**
     * Tests each template with {@code base}'s cases, rules and settings. The future fails with a
     * {@link ResourceLimitException} when the batch is refused or aborted.
     */
    public CompletableFuture<BatchReport> runParallelTests(List<String> templates, TestRequest base) {
        double estimate = estimateMb(templates, base.cases(), limits.maxConcurrentTests());
        if (estimate > limits.memoryLimitMb()) {
            return CompletableFuture.failedFuture(new ResourceLimitException(String.format(Locale.ROOT,
                    "refused: the batch of %d template(s) x %d case(s) needs an estimated %.1f MB, over the "
                            + "memory_limit_mb of %d: split it into smaller batches or raise the limit",
                    templates.size(), base.cases().size(), estimate, limits.memoryLimitMb())));
        }
        Batch batch = new Batch(gauge.usedBytes());
        List<CompletableFuture<TestReport>> runs = new ArrayList<>();
        for (String t : templates) {
            runs.add(CompletableFuture.supplyAsync(() -> batch.test(t, base), executor));
        }
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).thenApply(v -> {
            String over = batch.overLimit.get();
            if (over != null) {
                throw new CompletionException(new ResourceLimitException(over));
            }
            return new BatchReport(runs.stream().map(CompletableFuture::join).toList(), limits, batch.peak.get(),
                    estimate, batch.peakBytes.get() / MB);
        });
    }

    /** Blocks for {@link #runParallelTests}; throws its {@link ResourceLimitException} unwrapped. */
    public BatchReport runAll(List<String> templates, TestRequest base) {
        try {
            return runParallelTests(templates, base).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PromptDeskException p) {
                throw p;
            }
            throw e;
        }
    }

    /**
     * The heap the batch may hold at once: the largest {@code concurrent} templates, each rendered for every case
     * (template and values, at {@link #BYTES_PER_CHAR} bytes a character).
     */
    static double estimateMb(List<String> templates, List<? extends Map<String, ?>> cases, int concurrent) {
        long valueChars = 0;
        for (Map<String, ?> c : cases) {
            for (Object v : c.values()) {
                valueChars += String.valueOf(v).length();
            }
        }
        long finalValueChars = valueChars;
        return templates.stream().mapToLong(t -> (long) t.length() * cases.size() + finalValueChars)
                .boxed().sorted((a, b) -> Long.compare(b, a)).limit(concurrent)
                .mapToLong(Long::longValue).sum() * (double) BYTES_PER_CHAR / MB;
    }

    /** One batch's permits and measurements. */
    private final class Batch {
        final Semaphore permits = new Semaphore(limits.maxConcurrentTests(), true);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicLong peakBytes = new AtomicLong();
        final AtomicReference<String> overLimit = new AtomicReference<>();
        final long startBytes;

        Batch(long startBytes) {
            this.startBytes = startBytes;
        }

        TestReport test(String template, TestRequest base) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PromptDeskException("interrupted while waiting to test a template", e);
            }
            try {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                Duration timeout = base.timeout().compareTo(limits.timeoutPerTest()) < 0 ? base.timeout()
                        : limits.timeoutPerTest();
                TestRequest request = new TestRequest(template, base.dialect(), base.cases(), base.rules(), timeout,
                        base.thresholds(), base.settings());
                return runner.runTests(request, RunListener.NONE, this::overMemory);
            } finally {
                running.decrementAndGet();
                permits.release();
            }
        }

        /** Checked before each case: past the limit, every test of the batch stops. */
        boolean overMemory() {
            if (overLimit.get() != null) {
                return true;
            }
            long grown = Math.max(0, gauge.usedBytes() - startBytes);
            peakBytes.accumulateAndGet(grown, Math::max);
            if (grown > limits.memoryLimitMb() * (long) MB) {
                overLimit.compareAndSet(null, String.format(Locale.ROOT, "aborted: the batch's heap use grew by "
                        + "%.1f MB, over the memory_limit_mb of %d; its tests were stopped: split the batch or raise "
                        + "the limit", grown / MB, limits.memoryLimitMb()));
                return true;
            }
            return false;
        }
    }
}
