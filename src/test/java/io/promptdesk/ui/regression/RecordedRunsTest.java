package io.promptdesk.ui.regression;

import io.promptdesk.app.RecordedRun;
import io.promptdesk.app.RunHistory;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.TestReport;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs recorded by the Author workspace as samples, and the history they live in. */
class RecordedRunsTest {

    @TempDir
    Path dir;

    @Test
    void recordedRunsAreListedNewestFirstAndComparedByTheirCaseTimes() {
        RunHistory history = RunHistory.inMemory(RegressionFixture.CLOCK);
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(),
                new FakeDialogService(), history);
        history.record("greeting.prompt", report(2.0, 2.1, 1.9, 2.2, 2.0, 2.1));
        history.record("greeting.prompt", report(4.0, 4.2, 3.9, 4.1, 4.3, 4.0));

        assertThat(vm.runs()).hasSize(2);
        vm.baseline().useRun(vm.runs().get(1));
        vm.current().useRun(vm.runs().get(0));

        assertThat(vm.current().sampleProperty().get().values()).containsExactly(4.0, 4.2, 3.9, 4.1, 4.3, 4.0);
        assertThat(vm.current().sampleProperty().get().description()).startsWith("greeting.prompt run at ")
                .endsWith("(6 case times)");
        assertThat(vm.metricNameProperty().get()).isEqualTo("case time (ms)");
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.REGRESSION);
    }

    @Test
    void casesThatNeverRanAreLeftOut() {
        RecordedRun run = RecordedRun.of("t.prompt", RegressionFixture.CLOCK.instant(), report(1.5, 0.0, 2.5));

        assertThat(run.caseMillis()).containsExactly(1.5, 2.5);
        assertThat(run.passed()).isEqualTo(3);
    }

    @Test
    void theWorkspaceHistoryIsKeptOnDiskAndCapped() {
        RunHistory first = RunHistory.forWorkspace(dir, RegressionFixture.CLOCK);
        for (int i = 0; i < RunHistory.LIMIT + 5; i++) {
            first.record("run" + i + ".prompt", report(1.0 + i, 2.0));
        }

        RunHistory reopened = RunHistory.forWorkspace(dir, RegressionFixture.CLOCK);

        assertThat(reopened.runs()).hasSize(RunHistory.LIMIT).isEqualTo(first.runs());
        assertThat(reopened.runs().get(0).template()).isEqualTo("run" + (RunHistory.LIMIT + 4) + ".prompt");
        assertThat(reopened.runs().get(0).finishedAt()).isEqualTo(RegressionFixture.CLOCK.instant());
    }

    /** A passing report whose cases took these many milliseconds (0: never ran). */
    static TestReport report(double... millis) {
        List<CaseResult> cases = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            cases.add(new CaseResult(i, Map.of(), m -> "", true, Math.round(millis[i] * 1e6), List.of(), List.of(),
                    null));
        }
        return new TestReport(true, millis.length, millis.length, 0, Map.of(), null, cases, List.of());
    }
}
