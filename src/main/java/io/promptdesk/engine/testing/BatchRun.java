package io.promptdesk.engine.testing;

import io.promptdesk.model.PromptDeskException;
import io.promptdesk.model.TestReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** {@code run_batch_tests}: several templates, at most {@code maxParallel} runs at once. */
final class BatchRun {
    private final PromptTestRunner runner;
    private final ExecutorService executor;
    private final Semaphore permits;

    BatchRun(PromptTestRunner runner, ExecutorService executor, int maxParallel) {
        this.runner = runner;
        this.executor = executor;
        this.permits = new Semaphore(maxParallel);
    }

    List<TestReport> run(List<String> templates, List<? extends Map<String, ?>> cases) {
        List<Future<TestReport>> futures = new ArrayList<>(templates.size());
        try {
            for (String template : templates) {
                permits.acquire();
                futures.add(executor.submit(() -> {
                    try {
                        return runner.runTests(TestRequest.of(template, cases));
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<TestReport> reports = new ArrayList<>(futures.size());
            for (Future<TestReport> f : futures) {
                reports.add(f.get());
            }
            return reports;
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new PromptDeskException("batch test run interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new PromptDeskException("batch test run failed: " + e.getCause(), e.getCause());
        }
    }
}
