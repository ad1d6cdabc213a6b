package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PerformanceRegressionDetectorTest {

    private static final double[] BASELINE = {95, 98, 92, 96, 94, 97, 93, 95};
    private static final double[] CURRENT = {105, 108, 103, 107, 104, 106, 102, 105};

    @Test
    void specExampleFlagsTheLatencyIncrease() {
        RegressionResult r = new PerformanceRegressionDetector(0.99, 0.5, 3.0)
                .detectRegression(BASELINE, CURRENT, "response_latency_ms", null, Direction.INCREASE);
        assertThat(r.regressionDetected()).isTrue();
        assertThat(r.effectSize()).isEqualTo(5.0);
        assertThat(r.summaryStatistics().current().mean() - r.summaryStatistics().baseline().mean()).isEqualTo(10.0);
        assertThat(r.pValue()).isCloseTo(0.0004614431897272566, within(1e-15));
        assertThat(r.confidence()).isEqualTo(1 - r.pValue());
        assertThat(r.recommendation()).startsWith("Regression: response_latency_ms rose from 95 to 105 (+10, +10.5%)")
                .contains("Cohen's d 5");
        assertThat(r.direction()).isEqualTo(Direction.INCREASE);
    }

    @Test
    void aChangeAgainstTheConsideredDirectionIsNeverARegression() {
        RegressionResult r = new PerformanceRegressionDetector(0.99, 0.5, 3.0)
                .detectRegression(BASELINE, CURRENT, "latency", null, Direction.DECREASE);
        assertThat(r.regressionDetected()).isFalse();
        assertThat(r.pValue()).isGreaterThan(0.99);
        RegressionResult both = new PerformanceRegressionDetector()
                .detectRegression(BASELINE, CURRENT, "latency", null, Direction.BOTH);
        assertThat(both.regressionDetected()).isTrue();
    }

    @Test
    void jsonHasExactlyTheSpecKeysInOrder() throws Exception {
        RegressionResult r = new PerformanceRegressionDetector()
                .detectRegression(BASELINE, CURRENT, "latency", null, Direction.INCREASE);
        JsonNode json = new ObjectMapper().readTree(Json.write(r));
        assertThat(fieldNames(json)).containsExactly("regression_detected", "confidence", "p_value", "effect_size",
                "statistical_tests", "summary_statistics", "confidence_interval", "recommendation", "metric_name",
                "direction", "outliers_removed", "warnings");
        assertThat(fieldNames(json.get("statistical_tests"))).containsExactly("t_test", "mann_whitney");
        assertThat(fieldNames(json.get("statistical_tests").get("t_test")))
                .containsExactly("statistic", "p_value", "significant");
        assertThat(fieldNames(json.get("summary_statistics").get("baseline")))
                .containsExactly("mean", "std", "median", "min", "max");
        assertThat(fieldNames(json.get("confidence_interval"))).containsExactly("lower", "upper");
        assertThat(fieldNames(json.get("outliers_removed"))).containsExactly("baseline", "current");
        assertThat(json.get("direction").asText()).isEqualTo("increase");
    }

    @Test
    void onlyTheRequestedTestsAreRunAndReported() throws Exception {
        RegressionResult r = new PerformanceRegressionDetector()
                .detectRegression(BASELINE, CURRENT, "latency", List.of("t_test"), Direction.INCREASE);
        assertThat(r.statisticalTests().mannWhitney()).isNull();
        assertThat(r.pValue()).isEqualTo(r.statisticalTests().tTest().pValue());
        JsonNode json = new ObjectMapper().readTree(Json.write(r));
        assertThat(fieldNames(json.get("statistical_tests"))).containsExactly("t_test");
        assertThatThrownBy(() -> new PerformanceRegressionDetector()
                .detectRegression(BASELINE, CURRENT, "latency", List.of("z_test"), Direction.BOTH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("z_test");
    }

    @Test
    void outliersBeyondTheModifiedZScoreAreRemovedAndCounted() {
        double[] baseline = new double[40];
        double[] current = new double[40];
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            baseline[i] = 100 + random.nextGaussian();
            current[i] = 100 + random.nextGaussian();
        }
        current[3] = 150;
        current[9] = 160;
        baseline[0] = 20;
        RegressionResult filtered = new PerformanceRegressionDetector()
                .detectRegression(baseline, current, "latency", null, Direction.INCREASE);
        assertThat(filtered.outliersRemoved()).isEqualTo(new RegressionResult.OutliersRemoved(1, 2));
        assertThat(filtered.summaryStatistics().current().max()).isLessThan(105);
        assertThat(filtered.regressionDetected()).isFalse();
        RegressionResult unfiltered = new PerformanceRegressionDetector(0.95, 0.5, 0)
                .detectRegression(baseline, current, "latency", null, Direction.INCREASE);
        assertThat(unfiltered.outliersRemoved()).isEqualTo(new RegressionResult.OutliersRemoved(0, 0));
        assertThat(unfiltered.summaryStatistics().current().max()).isEqualTo(160);
    }

    @Test
    void aZeroMadLeavesDiscreteDataAloneAndSaysWhy() {
        double[] baseline = new double[100];
        double[] current = new double[100];
        for (int i = 0; i < 10; i++) {
            baseline[i] = 1;
        }
        for (int i = 0; i < 30; i++) {
            current[i] = 1;
        }
        RegressionResult r = new PerformanceRegressionDetector()
                .detectRegression(baseline, current, "error_rate", null, Direction.INCREASE);
        assertThat(r.outliersRemoved()).isEqualTo(new RegressionResult.OutliersRemoved(0, 0));
        assertThat(r.warnings()).anyMatch(w -> w.contains("median absolute deviation is 0"));
        assertThat(r.summaryStatistics().current().mean()).isCloseTo(0.3, within(1e-15));
    }

    @Test
    void aSingleValueGivesNullsWithReasonsInsteadOfACrash() throws Exception {
        RegressionResult r = new PerformanceRegressionDetector()
                .detectRegression(new double[]{100}, CURRENT, "latency", null, Direction.BOTH);
        assertThat(r.regressionDetected()).isFalse();
        assertThat(r.statisticalTests().tTest().statistic()).isNaN();
        assertThat(r.statisticalTests().mannWhitney().pValue()).isBetween(0.0, 1.0);
        JsonNode json = new ObjectMapper().readTree(Json.write(r));
        assertThat(json.get("effect_size").isNull()).isTrue();
        assertThat(json.get("confidence_interval").get("lower").isNull()).isTrue();
        assertThat(json.get("summary_statistics").get("baseline").get("std").isNull()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.contains("single value"));
        assertThat(r.recommendation()).startsWith("Cannot judge latency");
    }

    @Test
    void constantGroupsGetExactAnswers() throws Exception {
        double[] fifty = new double[10];
        double[] sixty = new double[10];
        java.util.Arrays.fill(fifty, 50);
        java.util.Arrays.fill(sixty, 60);
        RegressionResult same = new PerformanceRegressionDetector().detectRegression(fifty, fifty, "m", null,
                Direction.BOTH);
        assertThat(same.regressionDetected()).isFalse();
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.warnings()).anyMatch(w -> w.contains("0/0"));
        RegressionResult up = new PerformanceRegressionDetector().detectRegression(fifty, sixty, "m", null,
                Direction.INCREASE);
        assertThat(up.regressionDetected()).isTrue();
        assertThat(up.confidenceInterval()).isEqualTo(new RegressionResult.ConfidenceInterval(10, 10));
        JsonNode json = new ObjectMapper().readTree(Json.write(up));
        assertThat(json.get("effect_size").isNull()).isTrue();
        assertThat(up.warnings()).anyMatch(w -> w.contains("effect_size is infinite"));
    }

    @Test
    void nonFiniteValuesAreRejectedByPositionOrDroppedOnRequest() {
        double[] withNan = {1, 2, Double.NaN, 4};
        assertThatThrownBy(() -> new PerformanceRegressionDetector()
                .detectRegression(withNan, CURRENT, "m", null, Direction.BOTH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("baseline value #3 is NaN");
        double[] withInf = {1, Double.POSITIVE_INFINITY};
        assertThatThrownBy(() -> new PerformanceRegressionDetector()
                .detectRegression(BASELINE, withInf, "m", null, Direction.BOTH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("current value #2 is Infinity");
        RegressionResult r = new PerformanceRegressionDetector()
                .detectRegression(withNan, CURRENT, "m", null, Direction.BOTH, true);
        assertThat(r.warnings()).contains("dropped 1 non-finite value(s) (NaN or infinity) from baseline");
        assertThat(r.summaryStatistics().baseline().max()).isEqualTo(4);
    }

    @Test
    void emptyGroupsAndBadSettingsAreRejectedClearly() {
        assertThatThrownBy(() -> new PerformanceRegressionDetector()
                .detectRegression(new double[0], CURRENT, "m", null, Direction.BOTH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("baseline has no values");
        assertThatThrownBy(() -> new PerformanceRegressionDetector(1.5, 0.5, 3))
                .isInstanceOf(BadInputException.class).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> new PerformanceRegressionDetector(0.95, -1, 3))
                .isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> Direction.parse("up")).isInstanceOf(BadInputException.class);
    }

    @Test
    void largeInputsSortedOnTwoThreadsGiveTheSameAnswer() {
        Random random = new Random(11);
        double[] baseline = new double[40_000];
        double[] current = new double[30_000];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = Math.round(100 * (50 + 5 * random.nextGaussian())) / 100.0;
        }
        for (int i = 0; i < current.length; i++) {
            current[i] = Math.round(100 * (50.2 + 5 * random.nextGaussian())) / 100.0;
        }
        PerformanceRegressionDetector sameThread = new PerformanceRegressionDetector(0.95, 0.5, 3,
                1, 100, Runnable::run);
        PerformanceRegressionDetector pooled = new PerformanceRegressionDetector(0.95, 0.5, 3, 1, 100,
                java.util.concurrent.ForkJoinPool.commonPool());
        assertThat(Json.write(pooled.detectRegression(baseline, current, "m", null, Direction.BOTH)))
                .isEqualTo(Json.write(sameThread.detectRegression(baseline, current, "m", null, Direction.BOTH)));
        assertThat(baseline[0]).as("inputs are not modified").isEqualTo(
                Math.round(100 * (50 + 5 * new Random(11).nextGaussian())) / 100.0);
    }

    @Test
    void analyseSharesOneSortBetweenTheVerdictAndTheDistributions() {
        PerformanceRegressionDetector detector = new PerformanceRegressionDetector(0.95, 0.5, 0);
        PerformanceRegressionDetector.Analysis both = detector.analyse(BASELINE, CURRENT, "m", null,
                Direction.INCREASE, false);
        assertThat(both.regression()).isEqualTo(detector.detectRegression(BASELINE, CURRENT, "m", null,
                Direction.INCREASE));
        assertThat(both.distributions()).isEqualTo(detector.compareDistributions(BASELINE, CURRENT));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
