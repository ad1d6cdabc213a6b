package io.promptdesk.engine.testing;

import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.SyntaxReport;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.engine.validation.CaseContext;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.engine.validation.ValidationRule;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.Finding;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.model.TestReport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The spec's PromptTestRunner: renders a template with each test case and applies the validation rules,
 * in parallel, with results in case order.
 * <p>
 * Thread-safe; one instance may serve many runs at once. The executor and the ticker are injected so that
 * tests control threads and time (the ticker is read for deadlines and case timings).
 */
public final class PromptTestRunner {

    public static final int DEFAULT_MAX_WORKERS = 4;

    private final int maxWorkers;
    private final ExecutorService executor;
    private final LongSupplier ticker;
    private final RunStatistics statistics = new RunStatistics();

    /** Parallel with {@value #DEFAULT_MAX_WORKERS} workers. */
    public PromptTestRunner() {
        this(DEFAULT_MAX_WORKERS);
    }

    public PromptTestRunner(int maxWorkers) {
        this(maxWorkers, Executors.newCachedThreadPool(daemonThreads()), System::nanoTime);
    }

    /**
     * @param maxWorkers 1 runs the cases sequentially
     * @param executor   runs the workers; must not bound its threads below {@code maxWorkers} times the number of
     *                   concurrent runs
     * @param ticker     nanosecond time source
     */
    public PromptTestRunner(int maxWorkers, ExecutorService executor, LongSupplier ticker) {
        if (maxWorkers < 1) {
            throw new BadInputException("max_workers must be at least 1, got " + maxWorkers);
        }
        this.maxWorkers = maxWorkers;
        this.executor = executor;
        this.ticker = ticker;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "promptdesk-test-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int maxWorkers() {
        return maxWorkers;
    }

    /** The spec's {@code validate_template_syntax}: (is_valid, variables, errors). Never throws. */
    public SyntaxReport validateTemplateSyntax(String template) {
        return TemplateParser.parse(template).syntaxReport();
    }

    /** The spec's {@code run_tests}. */
    public TestReport runTests(String template, List<? extends Map<String, ?>> cases, List<String> rules,
                               Duration timeout, Map<String, Double> performanceThreshold) {
        return runTests(new TestRequest(template, null, cases, rules, timeout, performanceThreshold, null));
    }

    public TestReport runTests(TestRequest request) {
        return runTests(request, RunListener.NONE, () -> false);
    }

    /**
     * Runs the request. Cases unfinished when the timeout passes or {@code cancelled} turns true fail, saying
     * why, and the run returns.
     */
    public TestReport runTests(TestRequest request, RunListener listener, BooleanSupplier cancelled) {
        long cpuStart = RunStatistics.processCpuNanos();
        long start = ticker.getAsLong();
        long deadline = start + request.timeout().toNanos();
        ParsedTemplate template = request.dialect() == null
                ? TemplateParser.parse(request.template())
                : TemplateParser.parse(request.template(), request.dialect());
        List<ValidationRule> rules = Rules.resolve(request.rules(), request.settings());
        List<String> ruleNames = rules.stream().map(ValidationRule::name).toList();
        List<Finding> templateFindings = new ArrayList<>();
        for (ValidationRule rule : rules) {
            rule.checkTemplate(template, templateFindings);
        }
        boolean templateFails = templateFindings.stream().anyMatch(Finding::isError) || !template.isValid();

        List<? extends Map<String, ?>> cases = request.cases();
        int n = cases.size();
        AtomicReferenceArray<CaseResult> results = new AtomicReferenceArray<>(n);
        Run run = new Run(template, rules, ruleNames, templateFindings, templateFails, cases, results, deadline,
                cancelled, listener);
        run.execute();

        StopReason stop = run.stopReason();
        List<CaseResult> ordered = new ArrayList<>(n);
        int unfinished = 0;
        for (int i = 0; i < n; i++) {
            CaseResult r = results.get(i);
            if (r == null) {
                unfinished++;
                r = new CaseResult(i, cases.get(i), template::render, false, 0, ruleNames, List.of(),
                        stop.caseMessage(request.timeout()));
            }
            ordered.add(r);
        }
        long wall = ticker.getAsLong() - start;
        return statistics.report(request, template, ruleNames, templateFindings, ordered, unfinished, stop, wall,
                RunStatistics.processCpuNanos() - cpuStart);
    }

    /** The spec's {@code run_performance_benchmark}: each case rendered and validated {@code iterations} times. */
    public BenchmarkReport runPerformanceBenchmark(String template, List<? extends Map<String, ?>> cases,
                                                   int iterations) {
        return new PerformanceBenchmark(ticker).run(TemplateParser.parse(template), cases, iterations);
    }

    /** Tests several templates against the same cases, at most {@code maxParallel} at a time; results in order. */
    public List<TestReport> runBatchTests(List<String> templates, List<? extends Map<String, ?>> cases,
                                          int maxParallel) {
        if (maxParallel < 1) {
            throw new BadInputException("max_parallel must be at least 1, got " + maxParallel);
        }
        return new BatchRun(this, executor, maxParallel).run(templates, cases);
    }

    enum StopReason {
        NONE, TIMEOUT, CANCELLED;

        String caseMessage(Duration timeout) {
            return this == CANCELLED ? "not run: the run was cancelled"
                    : "not finished: the run's timeout of " + RunStatistics.seconds(timeout) + " was reached";
        }
    }

    /** One execution: workers pull chunks of case indices from a shared cursor. */
    private final class Run {
        private final ParsedTemplate template;
        private final List<ValidationRule> rules;
        private final List<String> ruleNames;
        private final List<Finding> templateFindings;
        private final boolean templateFails;
        private final List<? extends Map<String, ?>> cases;
        private final AtomicReferenceArray<CaseResult> results;
        private final long deadline;
        private final BooleanSupplier cancelled;
        private final RunListener listener;
        private final AtomicInteger cursor = new AtomicInteger();
        private final AtomicInteger completed = new AtomicInteger();
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicBoolean wasCancelled = new AtomicBoolean();
        private final int chunk;
        private final int progressStep;

        Run(ParsedTemplate template, List<ValidationRule> rules, List<String> ruleNames,
            List<Finding> templateFindings, boolean templateFails, List<? extends Map<String, ?>> cases,
            AtomicReferenceArray<CaseResult> results, long deadline, BooleanSupplier cancelled,
            RunListener listener) {
            this.template = template;
            this.rules = rules;
            this.ruleNames = ruleNames;
            this.templateFindings = templateFindings;
            this.templateFails = templateFails;
            this.cases = cases;
            this.results = results;
            this.deadline = deadline;
            this.cancelled = cancelled;
            this.listener = listener;
            int n = cases.size();
            this.chunk = Math.max(1, Math.min(512, n / (maxWorkers * 8)));
            this.progressStep = Math.max(1, n / 100);
        }

        void execute() {
            int n = cases.size();
            int workers = Math.max(1, Math.min(maxWorkers, (n + chunk - 1) / chunk));
            if (workers == 1) {
                work();
                return;
            }
            CountDownLatch done = new CountDownLatch(workers - 1);
            for (int w = 1; w < workers; w++) {
                executor.execute(() -> {
                    try {
                        work();
                    } finally {
                        done.countDown();
                    }
                });
            }
            work();
            awaitOthers(done);
        }

        private void awaitOthers(CountDownLatch done) {
            try {
                // Workers stop themselves at the deadline; a case stuck inside a rule is abandoned.
                long remaining = Math.max(0, deadline - ticker.getAsLong());
                if (!done.await(remaining + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS)) {
                    timedOut.set(true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                wasCancelled.set(true);
            }
        }

        private void work() {
            List<Finding> findings = new ArrayList<>();
            int n = cases.size();
            while (true) {
                int from = cursor.getAndAdd(chunk);
                if (from >= n) {
                    return;
                }
                int to = Math.min(n, from + chunk);
                for (int i = from; i < to; i++) {
                    if (shouldStop()) {
                        return;
                    }
                    results.set(i, runCase(i, findings));
                    int c = completed.incrementAndGet();
                    if (c % progressStep == 0 || c == n) {
                        listener.progress(c, n);
                    }
                }
            }
        }

        private boolean shouldStop() {
            if (timedOut.get() || wasCancelled.get()) {
                return true;
            }
            if (ticker.getAsLong() - deadline > 0) {
                timedOut.set(true);
                return true;
            }
            if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                wasCancelled.set(true);
                return true;
            }
            return false;
        }

        private CaseResult runCase(int index, List<Finding> findings) {
            long t0 = ticker.getAsLong();
            findings.clear();
            Map<String, ?> values = cases.get(index);
            String output = null;
            String error = null;
            if (template.isValid()) {
                try {
                    output = template.render(values);
                } catch (PromptValidationException e) {
                    error = e.getMessage();
                }
            } else {
                error = "not rendered: the template has syntax errors";
            }
            CaseContext context = new CaseContext(template, index, values, output);
            for (ValidationRule rule : rules) {
                rule.checkCase(context, findings);
            }
            boolean passed = output != null && !templateFails;
            for (Finding f : findings) {
                passed &= !f.isError();
            }
            List<Finding> all = findings;
            if (!templateFindings.isEmpty()) {
                all = new ArrayList<>(templateFindings);
                all.addAll(findings);
            }
            return new CaseResult(index, values, template::render, passed, ticker.getAsLong() - t0, ruleNames, all,
                    error);
        }

        StopReason stopReason() {
            return wasCancelled.get() ? StopReason.CANCELLED : timedOut.get() ? StopReason.TIMEOUT : StopReason.NONE;
        }
    }
}
