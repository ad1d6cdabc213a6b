package io.promptdesk.ui.author;

import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.PerformanceMetrics;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.model.TemplateDialect;
import io.promptdesk.model.TestReport;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.DialogService;
import io.promptdesk.ui.common.TaskHandle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the test cases through the engine off the FX thread, with progress, cancel and re-running of failed
 * cases; keeps the per-case results and the run's performance metrics.
 */
public final class TestRunModel {

    private static final Pattern CASE_REFERENCE = Pattern.compile("\\bcase (\\d{1,9})\\b");

    private final PromptTestRunner engine;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final TestRequestFactory requests;
    private final Consumer<TestReport> completeRuns;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    /** 0..1 while running; -1 (indeterminate) before the first progress report. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not run yet");
    private final ReadOnlyObjectWrapper<PerformanceMetrics> metrics = new ReadOnlyObjectWrapper<>();
    /** The report of the last run of every case (not a re-run, not cancelled), kept with a registered version. */
    private final ReadOnlyObjectWrapper<TestReport> lastReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper hasFailures = new ReadOnlyBooleanWrapper();
    private final ObservableList<ResultRow> results = FXCollections.observableArrayList();
    private final ObservableList<ResultRow> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<String> errors = FXCollections.observableArrayList();
    private final ObservableList<String> errorsView = FXCollections.unmodifiableObservableList(errors);
    private TaskHandle task;
    /** Callbacks of a run started before the last {@link #clear()} are ignored. */
    private long generation;

    /** @param completeRuns told of each run of every case that was not cancelled (re-runs are partial) */
    public TestRunModel(PromptTestRunner engine, BackgroundRunner runner, DialogService dialogs,
                        TestRequestFactory requests, Consumer<TestReport> completeRuns) {
        this.engine = engine;
        this.runner = runner;
        this.dialogs = dialogs;
        this.requests = requests;
        this.completeRuns = completeRuns;
    }

    /** Runs every case. */
    public void runAll(String template, TemplateDialect dialect, List<Map<String, Object>> cases) {
        List<Integer> indexes = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            indexes.add(i);
        }
        start(template, dialect, cases, indexes, false);
    }

    /** Runs again only the cases that failed last time, with their current values. */
    public void rerunFailed(String template, TemplateDialect dialect, List<Map<String, Object>> cases) {
        List<Integer> indexes = new ArrayList<>();
        List<Map<String, Object>> subset = new ArrayList<>();
        for (ResultRow row : results) {
            if (!row.passed() && row.caseIndex() < cases.size()) {
                indexes.add(row.caseIndex());
                subset.add(cases.get(row.caseIndex()));
            }
        }
        if (!subset.isEmpty()) {
            start(template, dialect, subset, indexes, true);
        }
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
            summary.set("Cancelling...");
        }
    }

    /** Forgets the results (another template was opened). */
    public void clear() {
        if (task != null) {
            task.cancel();
            task = null;
        }
        generation++;
        running.set(false);
        progress.set(0);
        results.clear();
        errors.clear();
        metrics.set(null);
        lastReport.set(null);
        hasFailures.set(false);
        summary.set("Not run yet");
    }

    private void start(String template, TemplateDialect dialect, List<Map<String, Object>> cases,
                       List<Integer> indexes, boolean rerun) {
        if (running.get()) {
            return;
        }
        TestRequest request = requests.create(template, dialect, cases);
        running.set(true);
        progress.set(-1);
        summary.set((rerun ? "Re-running " : "Running ") + cases.size() + " case(s)...");
        long mine = ++generation;
        task = runner.run(
                (listener, cancelled) -> engine.runTests(request, listener::progress, cancelled),
                (done, total) -> {
                    if (mine == generation) {
                        progress.set(total == 0 ? 1.0 : (double) done / total);
                    }
                },
                report -> {
                    if (mine == generation) {
                        finished(report, indexes, rerun);
                    }
                },
                e -> {
                    if (mine == generation) {
                        failed(e);
                    }
                });
    }

    private void finished(TestReport report, List<Integer> indexes, boolean rerun) {
        boolean wasCancelled = task != null && task.isCancelled();
        task = null;
        running.set(false);
        progress.set(0);
        List<ResultRow> rows = new ArrayList<>(report.testCaseResults().size());
        for (CaseResult r : report.testCaseResults()) {
            // A re-run sends a subset: map the engine's index within it back to the case's index in the table.
            int idx = r.caseIndex();
            rows.add(new ResultRow(idx >= 0 && idx < indexes.size() ? indexes.get(idx) : idx, r));
        }
        if (rerun) {
            mergeRerun(rows);
        } else {
            results.setAll(rows);
        }
        errors.setAll(rerun ? report.errors().stream().map(e -> toTableIndexes(e, indexes)).toList()
                : report.errors());
        metrics.set(report.performanceMetrics());
        if (!rerun && !wasCancelled) {
            lastReport.set(report);
        }
        hasFailures.set(results.stream().anyMatch(r -> !r.passed()));
        summary.set(describe(report, rerun, wasCancelled));
        if (!rerun && !wasCancelled) {
            completeRuns.accept(report);
        }
        DialogService.Outcome outcome = report.passed() && !wasCancelled
                ? DialogService.Outcome.SUCCESS : DialogService.Outcome.WARNING;
        dialogs.notify(outcome, wasCancelled ? "Run cancelled" : "Run finished", summary.get());
    }

    private void mergeRerun(List<ResultRow> rerunRows) {
        List<ResultRow> merged = new ArrayList<>(results);
        for (ResultRow fresh : rerunRows) {
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).caseIndex() == fresh.caseIndex()) {
                    merged.set(i, fresh);
                }
            }
        }
        results.setAll(merged);
    }

    /**
     * A re-run sends only the failed cases, so the engine numbers them 0..k-1 in its messages; rewrite each
     * "case N" to the case's index in the table so messages still match rows.
     */
    static String toTableIndexes(String message, List<Integer> indexes) {
        Matcher m = CASE_REFERENCE.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int idx = Integer.parseInt(m.group(1));
            String mapped = idx < indexes.size() ? String.valueOf(indexes.get(idx)) : m.group(1);
            m.appendReplacement(sb, "case " + mapped);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private void failed(RuntimeException e) {
        task = null;
        running.set(false);
        progress.set(0);
        summary.set("Run failed: " + e.getMessage());
        // Domain exceptions carry a message written for people; anything else also gets its details.
        dialogs.showError("Test run failed", e.getMessage(), e instanceof PromptDeskException ? null : e);
    }

    private static String describe(TestReport report, boolean rerun, boolean cancelled) {
        String what = cancelled ? "Run cancelled: "
                : rerun ? "Re-ran " + report.totalTests() + " failed case(s): " : "";
        String counts = report.passedTests() + " passed, " + report.failedTests() + " failed";
        PerformanceMetrics m = report.performanceMetrics();
        String time = m == null ? "" : String.format(Locale.ROOT, " in %.3f s",
                m.totalExecutionTime());
        String errs = report.errors().isEmpty() ? "" : " (" + report.errors().size() + " error(s))";
        return what + counts + time + errs;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PerformanceMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TestReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    /** True when the last results hold a failed case, i.e. "Re-run failed" has something to do. */
    public ReadOnlyBooleanProperty hasFailuresProperty() {
        return hasFailures.getReadOnlyProperty();
    }

    public ObservableList<ResultRow> results() {
        return resultsView;
    }

    /** Run-level errors the engine reported (timeouts, unusable cases). */
    public ObservableList<String> errors() {
        return errorsView;
    }
}
