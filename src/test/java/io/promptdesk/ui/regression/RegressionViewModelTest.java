package io.promptdesk.ui.regression;

import io.promptdesk.engine.stats.Direction;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Regression view model without a toolkit: samples, settings, verdicts, on a same-thread runner. */
class RegressionViewModelTest {

    @TempDir
    Path dir;
    private final FakeDialogService dialogs = new FakeDialogService();

    @Test
    void theShippedLatencySamplesShowARegressionOnTheirLatencyColumn() {
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);

        vm.baseline().loadFile(RegressionFixture.sample("latency-baseline.csv"));
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.WAITING);
        assertThat(vm.verdictProperty().get().headline()).isEqualTo("Choose the current sample");
        vm.current().loadFile(RegressionFixture.sample("latency-current.csv"));

        assertThat(vm.baseline().columns()).containsExactly("request_id", "latency_ms", "output_tokens");
        assertThat(vm.baseline().columnProperty().get()).isEqualTo("latency_ms");
        assertThat(vm.metricNameProperty().get()).isEqualTo("latency_ms");
        assertThat(vm.baseline().sampleProperty().get().size()).isEqualTo(400);
        Verdict v = vm.verdictProperty().get();
        assertThat(v.status()).isEqualTo(Verdict.Status.REGRESSION);
        assertThat(v.headline()).isEqualTo("Regression detected");
        assertThat(v.recommendation()).startsWith("Regression: latency_ms rose from");
        assertThat(v.rows()).extracting(Verdict.Row::label).contains("Welch t-test", "Mann-Whitney U",
                "Effect size", "Mean difference", "Outliers removed");
        assertThat(vm.outcomeProperty().get().analysis().regression().outliersRemoved().baseline()).isPositive();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void anotherColumnIsReadOnRequestAndNamesTheMetricUnlessOneWasTyped() {
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);
        vm.baseline().loadFile(RegressionFixture.sample("latency-baseline.csv"));

        vm.baseline().selectColumn("output_tokens");
        assertThat(vm.baseline().columnProperty().get()).isEqualTo("output_tokens");
        assertThat(vm.baseline().sampleProperty().get().description()).isEqualTo(
                "latency-baseline.csv, column output_tokens");
        assertThat(vm.metricNameProperty().get()).isEqualTo("output_tokens");

        vm.metricNameProperty().set("tokens per reply");
        vm.baseline().selectColumn("latency_ms");
        assertThat(vm.metricNameProperty().get()).isEqualTo("tokens per reply");
    }

    @Test
    void settingsChangeTheVerdictAtOnce() {
        RegressionViewModel vm = loaded();
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.REGRESSION);

        vm.directionProperty().set(Direction.DECREASE);
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.NO_REGRESSION);
        assertThat(vm.verdictProperty().get().recommendation()).contains("not significant");

        vm.directionProperty().set(Direction.BOTH);
        vm.minEffectSizeProperty().set(3.0);
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.NO_REGRESSION);
        assertThat(vm.verdictProperty().get().recommendation()).contains("below the minimum of 3");

        vm.tTestProperty().set(false);
        vm.mannWhitneyProperty().set(false);
        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(vm.verdictProperty().get().recommendation()).isEqualTo(
                "Choose at least one test: t_test or mann_whitney.");
        assertThat(vm.canExportProperty().get()).isFalse();

        vm.mannWhitneyProperty().set(true);
        assertThat(vm.verdictProperty().get().rows()).extracting(Verdict.Row::label)
                .contains("Mann-Whitney U").doesNotContain("Welch t-test");
    }

    @Test
    void outlierFilteringCanBeTurnedOff() {
        RegressionViewModel vm = loaded();

        vm.outlierThresholdProperty().set(0.0);

        AnalysisOutcome o = vm.outcomeProperty().get();
        assertThat(o.analysis().regression().outliersRemoved().baseline()).isZero();
        assertThat(o.intervals().baselineN()).isEqualTo(400);
        assertThat(vm.verdictProperty().get().rows()).filteredOn(r -> r.label().equals("Outliers removed"))
                .singleElement().extracting(Verdict.Row::value).asString().contains("filter off");
    }

    @Test
    void pastedNumbersWithNaNAreRejectedUntilNaNIsDropped() {
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);
        vm.baseline().usePasted("10, 11, 12\n10.5 11.5\t12.5; 11");
        vm.current().usePasted("20 21 NaN 22 20.5 21.5 22.5");

        assertThat(vm.verdictProperty().get().status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(vm.verdictProperty().get().recommendation()).contains("finite");

        vm.dropNonFiniteProperty().set(true);
        Verdict v = vm.verdictProperty().get();
        assertThat(v.status()).isEqualTo(Verdict.Status.REGRESSION);
        assertThat(v.warnings()).anyMatch(w -> w.contains("dropped 1 non-finite value"));
        assertThat(vm.outcomeProperty().get().intervals().currentN()).isEqualTo(6);
    }

    @Test
    void aBadPasteOrFileKeepsThePreviousSampleAndSaysWhy() throws IOException {
        RegressionViewModel vm = loaded();
        LoadedSample before = vm.baseline().sampleProperty().get();

        vm.baseline().usePasted("1 2 three");
        assertThat(vm.baseline().errorProperty().get()).isEqualTo("pasted value #3 'three' is not a number");
        assertThat(vm.baseline().sampleProperty().get()).isSameAs(before);

        Path bad = Files.writeString(dir.resolve("bad.txt"), "1\n2\nabc\n");
        vm.baseline().loadFile(bad);
        assertThat(vm.baseline().errorProperty().get()).contains("bad.txt:3").contains("'abc' is not a number");
        assertThat(vm.baseline().sampleProperty().get()).isSameAs(before);
        assertThat(vm.baseline().loadingProperty().get()).isFalse();
    }

    @Test
    void aChosenFileIsRead() {
        dialogs.fileAnswers.add(RegressionFixture.sample("latency-current.csv"));
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);

        vm.current().chooseFile();

        assertThat(vm.current().sampleProperty().get().size()).isEqualTo(360);
    }

    @Test
    void onlySettingsChangesReuseTheChartShapes() {
        RegressionViewModel vm = loaded();
        SampleShapes shapes = vm.outcomeProperty().get().shapes();
        TrendData trend = vm.outcomeProperty().get().trend();

        vm.confidenceProperty().set(0.99);
        assertThat(vm.outcomeProperty().get().shapes()).isSameAs(shapes);
        assertThat(vm.outcomeProperty().get().trend()).isSameAs(trend);

        vm.trendSeriesProperty().set(TrendSeries.CURRENT);
        assertThat(vm.outcomeProperty().get().shapes()).isSameAs(shapes);
        assertThat(vm.outcomeProperty().get().trend().baselineX()).isEmpty();

        vm.current().usePasted("400 410 420 430");
        assertThat(vm.outcomeProperty().get().shapes()).isNotSameAs(shapes);
    }

    @Test
    void theLatestRequestWinsAndStaleWorkIsCancelled() {
        SameThreadRunner runner = SameThreadRunner.deferred();
        RegressionViewModel vm = RegressionFixture.viewModel(dir, runner, dialogs);
        vm.baseline().usePasted("10 11 12 13 11 12");
        vm.current().usePasted("13 14 15 16 14 15");
        assertThat(vm.busyProperty().get()).isTrue();
        java.util.List<AnalysisOutcome> shown = new java.util.ArrayList<>();
        vm.outcomeProperty().addListener((obs, old, now) -> shown.add(now));

        vm.confidenceProperty().set(0.9);
        vm.confidenceProperty().set(0.99);
        int ran = runner.runPending();

        // One analysis per request once both samples were there; the two stale ones were cancelled and ignored.
        assertThat(ran).isEqualTo(3);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(shown).singleElement().satisfies(o -> assertThat(o.settings().confidence()).isEqualTo(0.99));
        assertThat(vm.verdictProperty().get().rows()).anyMatch(r -> r.value().contains("99% CI"));
    }

    private RegressionViewModel loaded() {
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);
        vm.baseline().loadFile(RegressionFixture.sample("latency-baseline.csv"));
        vm.current().loadFile(RegressionFixture.sample("latency-current.csv"));
        return vm;
    }
}
