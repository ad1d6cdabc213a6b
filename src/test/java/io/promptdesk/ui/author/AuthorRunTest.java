package io.promptdesk.ui.author;

import io.promptdesk.app.RunHistory;
import io.promptdesk.engine.testing.PromptTestRunner;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.ui.common.BackgroundRunner;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import io.promptdesk.ui.common.TaskHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Test runs from the Author view model, on a same-thread runner. */
class AuthorRunTest {

    @TempDir
    Path dir;
    private final FakeDialogService dialogs = new FakeDialogService();

    @Test
    void runningFillsResultsWithPerCaseOutcomeAndMetrics() throws IOException {
        AuthorViewModel vm = open(SameThreadRunner.immediate());

        vm.runTests();

        TestRunModel run = vm.run();
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.results()).extracting(ResultRow::caseIndex).containsExactly(0, 1, 2);
        assertThat(run.results()).extracting(ResultRow::passed).containsExactly(true, true, false);
        ResultRow failed = run.results().get(2);
        assertThat(failed.failedRules()).contains("template_variables");
        assertThat(failed.ruleRows()).filteredOn(r -> r.rule().equals("template_variables"))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RuleBadge.Status.FAIL);
                    assertThat(r.details()).contains("name");
                });
        assertThat(run.metricsProperty().get()).isNotNull();
        assertThat(run.metricsProperty().get().totalExecutionTime()).isGreaterThanOrEqualTo(0.0);
        assertThat(run.summaryProperty().get()).startsWith("2 passed, 1 failed");
        assertThat(vm.statusProperty().get()).isEqualTo(run.summaryProperty().get());
        assertThat(run.hasFailuresProperty().get()).isTrue();
        assertThat(dialogs.last().kind()).isEqualTo("WARNING");
    }

    @Test
    void reRunningFailedCasesUsesTheirCurrentValuesAndKeepsTheirNumbers() throws IOException {
        AuthorViewModel vm = open(SameThreadRunner.immediate());
        vm.runTests();
        ResultRow firstRow = vm.run().results().get(0);

        vm.cases().edit(vm.cases().cases().get(2), "name", "Linus");
        vm.rerunFailed();

        TestRunModel run = vm.run();
        assertThat(run.results()).extracting(ResultRow::caseIndex).containsExactly(0, 1, 2);
        assertThat(run.results()).allMatch(ResultRow::passed);
        assertThat(run.results().get(0)).isSameAs(firstRow);
        assertThat(run.results().get(2).result().output()).contains("Linus");
        assertThat(run.summaryProperty().get()).startsWith("Re-ran 1 failed case(s): 1 passed, 0 failed");
        assertThat(run.hasFailuresProperty().get()).isFalse();
    }

    @Test
    void messagesNameTheCaseIndexOfTheTableAlsoAfterARerun() throws IOException {
        AuthorViewModel vm = open(SameThreadRunner.immediate());
        vm.runTests();
        assertThat(vm.run().errors()).anyMatch(e -> e.contains("first case 2:"));

        vm.rerunFailed();

        // The engine saw one case (its index 0); the message must still point at row "case 2".
        assertThat(vm.run().results()).extracting(ResultRow::caseIndex).containsExactly(0, 1, 2);
        assertThat(vm.run().errors()).anyMatch(e -> e.contains("first case 2:"))
                .noneMatch(e -> e.contains("case 0"));
    }

    @Test
    void completeRunsAreRecordedForTheRegressionWorkspaceButReRunsAreNot() throws IOException {
        RunHistory history = RunHistory.inMemory(Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
        AuthorViewModel vm = new AuthorViewModel(new AuthorServices(AuthorFixture.workspace(dir),
                new PromptTestRunner(1), SameThreadRunner.immediate(), dialogs, new TemplateFiles(),
                RecentFiles.forWorkspace(dir), TestRequestFactory.defaults(), history));
        vm.start();

        vm.runTests();
        vm.rerunFailed();

        assertThat(history.runs()).singleElement().satisfies(r -> {
            assertThat(r.template()).isEqualTo("greeting.prompt");
            assertThat(r.passed()).isEqualTo(2);
            assertThat(r.failed()).isEqualTo(1);
            assertThat(r.finishedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
            assertThat(r.cases()).isBetween(1, 3);
        });
    }

    @Test
    void caseReferencesAreMappedWordForWord() {
        assertThat(TestRunModel.toTableIndexes("2 case(s) could not be rendered, first case 1: missing",
                java.util.List.of(4, 7))).isEqualTo("2 case(s) could not be rendered, first case 7: missing");
        assertThat(TestRunModel.toTableIndexes("showcase 0 and case 5", java.util.List.of(4)))
                .isEqualTo("showcase 0 and case 5");
    }

    @Test
    void progressIsReportedAndCancellingStopsTheRun() throws IOException {
        SameThreadRunner runner = SameThreadRunner.deferred();
        AuthorViewModel vm = open(runner);

        vm.runTests();
        assertThat(vm.run().runningProperty().get()).isTrue();
        assertThat(vm.run().progressProperty().get()).isEqualTo(-1.0);
        vm.cancelRun();
        runner.runPending();

        TestRunModel run = vm.run();
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.summaryProperty().get()).startsWith("Run cancelled");
        assertThat(run.results()).noneMatch(ResultRow::passed);
        assertThat(run.results().get(0).result().error()).contains("cancelled");
        assertThat(dialogs.last().title()).isEqualTo("Run cancelled");
    }

    @Test
    void progressFollowsTheEngine() throws IOException {
        SameThreadRunner runner = SameThreadRunner.deferred();
        AuthorViewModel vm = open(runner);
        java.util.List<Double> seen = new java.util.ArrayList<>();
        vm.run().progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));

        vm.runTests();
        runner.runPending();

        assertThat(seen).contains(1.0);
        assertThat(vm.run().progressProperty().get()).isZero();
    }

    @Test
    void aFailedRunIsShownAsAMessageNotAStackTrace() throws IOException {
        BackgroundRunner failing = new BackgroundRunner() {
            @Override
            public <T> TaskHandle run(io.promptdesk.ui.common.BackgroundWork<T> work,
                                      io.promptdesk.ui.common.ProgressListener onProgress,
                                      java.util.function.Consumer<? super T> onSuccess,
                                      java.util.function.Consumer<? super RuntimeException> onFailure) {
                onFailure.accept(new PromptDeskException("the test cases file changed while reading it"));
                return SameThreadRunner.immediate().run((p, c) -> null, onProgress, r -> { }, e -> { });
            }
        };
        AuthorViewModel vm = open(failing);

        vm.runTests();

        FakeDialogService.Shown error = dialogs.errors().get(0);
        assertThat(error.title()).isEqualTo("Test run failed");
        assertThat(error.message()).isEqualTo("the test cases file changed while reading it");
        assertThat(error.details()).isNull();
        assertThat(vm.run().runningProperty().get()).isFalse();
    }

    @Test
    void openingAnotherTemplateClearsTheResults() throws IOException {
        AuthorViewModel vm = open(SameThreadRunner.immediate());
        vm.runTests();

        assertThat(vm.openTemplate(dir.resolve("summary.prompt"))).isTrue();

        assertThat(vm.run().results()).isEmpty();
        assertThat(vm.run().metricsProperty().get()).isNull();
        assertThat(vm.run().hasFailuresProperty().get()).isFalse();
    }

    private AuthorViewModel open(BackgroundRunner runner) throws IOException {
        AuthorViewModel vm = AuthorFixture.viewModel(AuthorFixture.workspace(dir), runner, dialogs);
        vm.start();
        return vm;
    }
}
