package io.promptdesk.ui.regression;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Exporting the report as JSON and a chart as PNG, through the fake dialog service. */
class RegressionExportTest {

    @TempDir
    Path dir;
    private final FakeDialogService dialogs = new FakeDialogService();

    @Test
    void theReportHasTheSpecKeysTheSourcesTheSettingsAndTheTrend() throws IOException {
        RegressionViewModel vm = loaded();
        Path target = dir.resolve("report.json");
        dialogs.fileAnswers.add(target);

        vm.exportReport();

        JsonNode json = Json.mapper().readTree(target.toFile());
        assertThat(json.fieldNames()).toIterable().containsExactly("baseline", "current", "settings", "regression",
                "distributions", "trend");
        assertThat(json.path("baseline").path("description").asText()).isEqualTo(
                "latency-baseline.csv, column latency_ms");
        assertThat(json.path("current").path("values").asInt()).isEqualTo(360);
        assertThat(json.path("settings").path("direction").asText()).isEqualTo("increase");
        assertThat(json.path("settings").path("tests")).extracting(JsonNode::asText)
                .containsExactly("t_test", "mann_whitney");
        assertThat(json.path("settings").path("trend_series").asText()).isEqualTo("baseline_then_current");
        JsonNode r = json.path("regression");
        assertThat(r.fieldNames()).toIterable().startsWith("regression_detected", "confidence", "p_value",
                "effect_size", "statistical_tests", "summary_statistics", "confidence_interval", "recommendation");
        assertThat(r.path("regression_detected").asBoolean()).isTrue();
        assertThat(r.path("statistical_tests").path("mann_whitney").path("p_value").asDouble()).isLessThan(1e-6);
        assertThat(json.path("trend").path("slope").asDouble()).isPositive();
        assertThat(dialogs.last().kind()).isEqualTo("SUCCESS");
        assertThat(dialogs.last().message()).isEqualTo("report.json");
    }

    @Test
    void nothingIsWrittenWhenTheChooserIsCancelled() throws IOException {
        RegressionViewModel vm = loaded();

        vm.exportReport();

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void aChartIsWrittenWhereThePersonChoseAndFailuresAreShown() {
        RegressionViewModel vm = loaded();
        Path target = dir.resolve("trend.png");
        dialogs.fileAnswers.add(target);
        List<Path> written = new java.util.ArrayList<>();

        vm.exportChart("trend", written::add);

        assertThat(written).containsExactly(target);
        assertThat(dialogs.last().title()).isEqualTo("Chart exported");

        dialogs.fileAnswers.add(target);
        vm.exportChart("trend", p -> {
            throw new IOException("disk full");
        });
        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot export the chart");
            assertThat(e.message()).endsWith("disk full");
            assertThat(e.details()).isNull();
        });
    }

    private RegressionViewModel loaded() {
        RegressionViewModel vm = RegressionFixture.viewModel(dir, SameThreadRunner.immediate(), dialogs);
        vm.baseline().loadFile(RegressionFixture.sample("latency-baseline.csv"));
        vm.current().loadFile(RegressionFixture.sample("latency-current.csv"));
        return vm;
    }
}
