package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.promptdesk.engine.stats.ReferenceCases.array;
import static io.promptdesk.engine.stats.ReferenceCases.assertClose;
import static io.promptdesk.engine.stats.ReferenceCases.assertP;
import static io.promptdesk.engine.stats.ReferenceCases.num;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every two-sample case of the SciPy reference, through the public detector API. */
class ScipyReferenceTest {

    private static final Map<Direction, String> ALTERNATIVE = Map.of(
            Direction.INCREASE, "greater", Direction.DECREASE, "less", Direction.BOTH, "two-sided");

    /**
     * SciPy 1.10 selects the exact Mann-Whitney distribution for 5 against 5,000 values and runs out of memory, so
     * the file has no value; these are the exact p-values computed with Python integers (greater, less, two-sided).
     */
    private static final Map<String, double[]> EXACT_MWU_NOT_RUN = Map.of(
            "unequal_baseline5_vs_current5000_noties",
            new double[]{0.16479680506964356, 0.8352797701459872, 0.3295936101392871});

    private static final PerformanceRegressionDetector UNFILTERED =
            new PerformanceRegressionDetector(0.95, 0.5, 0);

    @TestFactory
    Stream<DynamicTest> detectRegressionAgreesWithScipyOnEveryCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ReferenceCases.twoSampleCases()) {
            if (quality(c).equals("scipy_rounding_artifact")) {
                continue;
            }
            for (Direction direction : Direction.values()) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " " + direction.label(),
                        () -> checkRegression(c, direction)));
            }
        }
        return tests.stream();
    }

    private static void checkRegression(JsonNode c, Direction direction) {
        boolean hasNan = c.get("has_nan").asBoolean();
        double[] baseline = array(c.get("baseline"));
        double[] current = array(c.get("current"));
        JsonNode r = hasNan ? c.get("results_nan_dropped") : c.get("results");
        JsonNode hp = r.get("high_precision_check");
        boolean lowAccuracy = quality(c).equals("scipy_low_accuracy");
        RegressionResult result = UNFILTERED.detectRegression(baseline, current, "m", null, direction, hasNan);
        String name = c.get("name").asText() + " " + direction.label() + ": ";

        summary(name + "baseline", r.get("summary").get("baseline"), result.summaryStatistics().baseline(), hp,
                "baseline");
        summary(name + "current", r.get("summary").get("current"), result.summaryStatistics().current(), hp,
                "current");

        String alt = ALTERNATIVE.get(direction);
        JsonNode welch = r.get("welch_t").get(alt);
        double expectedT = lowAccuracy ? num(hp.get("welch_t")) : num(welch.get("statistic"));
        double expectedTp = lowAccuracy ? oneSided(num(hp.get("welch_pvalue_two_sided")), expectedT, direction)
                : num(welch.get("pvalue"));
        assertClose(name + "t statistic", expectedT, result.statisticalTests().tTest().statistic());
        assertP(name + "t p-value", expectedTp, result.statisticalTests().tTest().pValue());

        JsonNode mw = r.get("mann_whitney");
        assertClose(name + "U of current", num(mw.get("U_current")), result.statisticalTests().mannWhitney().statistic());
        double expectedMwP = mw.get("auto").has(alt) ? num(mw.get("auto").get(alt).get("pvalue"))
                : EXACT_MWU_NOT_RUN.get(c.get("name").asText())[List.of("greater", "less", "two-sided").indexOf(alt)];
        assertP(name + "Mann-Whitney p-value", expectedMwP, result.statisticalTests().mannWhitney().pValue());

        double expectedD = lowAccuracy ? num(hp.get("cohens_d_pooled")) : num(r.get("cohens_d").get("pooled"));
        assertClose(name + "Cohen's d", expectedD, result.effectSize());

        double expectedP = Double.isNaN(expectedTp) ? expectedMwP : Math.max(expectedTp, expectedMwP);
        assertP(name + "p_value (largest of the tests)", expectedP, result.pValue());
        assertThat(result.confidence()).as(name + "confidence").isEqualTo(1 - result.pValue());
        boolean expectedDetected = expectedP < 0.05 && Math.abs(expectedD) >= 0.5
                && direction.matches(result.summaryStatistics().current().mean()
                - result.summaryStatistics().baseline().mean());
        assertThat(result.regressionDetected()).as(name + "regression_detected").isEqualTo(expectedDetected);
        ReferenceCases.assertStrictJson(Json.write(result));
        assertThat(result.outliersRemoved()).isEqualTo(new RegressionResult.OutliersRemoved(0, 0));
        if (hasNan) {
            assertThat(result.warnings()).anyMatch(w -> w.startsWith("dropped"));
            assertThatThrownBy(() -> UNFILTERED.detectRegression(baseline, current, "m", null, direction))
                    .isInstanceOf(BadInputException.class).hasMessageContaining("NaN");
        }
    }

    @TestFactory
    Stream<DynamicTest> confidenceIntervalAgreesWithTheExactWelchInterval() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : ReferenceCases.twoSampleCases()) {
            if (quality(c).equals("scipy_rounding_artifact")) {
                continue;
            }
            for (String level : List.of("0.90", "0.95", "0.99")) {
                tests.add(DynamicTest.dynamicTest(c.get("name").asText() + " " + level, () -> {
                    boolean hasNan = c.get("has_nan").asBoolean();
                    JsonNode r = hasNan ? c.get("results_nan_dropped") : c.get("results");
                    JsonNode hp = r.get("high_precision_check");
                    // SciPy's t.ppf errs by up to 8e-9: the exact interval is the reference where it exists
                    JsonNode expected = hp != null && hp.has("welch_ci") ? hp.get("welch_ci").get(level)
                            : r.get("welch_ci").get(level);
                    RegressionResult result = new PerformanceRegressionDetector(Double.parseDouble(level), 0.5, 0)
                            .detectRegression(array(c.get("baseline")), array(c.get("current")), "m", null,
                                    Direction.BOTH, hasNan);
                    assertClose("lower", num(expected.get("lower")), result.confidenceInterval().lower());
                    assertClose("upper", num(expected.get("upper")), result.confidenceInterval().upper());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> compareDistributionsAgreesWithKs2sampAndMannWhitney() {
        return ReferenceCases.twoSampleCases().stream()
                .filter(c -> !c.get("has_nan").asBoolean())
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    JsonNode r = c.get("results");
                    DistributionComparison cmp = UNFILTERED.compareDistributions(array(c.get("baseline")),
                            array(c.get("current")));
                    JsonNode ks = r.get("ks_2samp").get("auto");
                    assertClose("KS D", num(ks.get("statistic")), cmp.kolmogorovSmirnov().statistic());
                    assertP("KS p", num(ks.get("pvalue")), cmp.kolmogorovSmirnov().pValue());
                    assertThat(cmp.kolmogorovSmirnov().method()).isEqualTo(ks.get("method_used").asText());
                    assertClose("KS location", num(ks.get("statistic_location")),
                            cmp.kolmogorovSmirnov().statisticLocation());
                    assertThat(cmp.kolmogorovSmirnov().statisticSign()).isEqualTo(ks.get("statistic_sign").asInt());
                    JsonNode mw = r.get("mann_whitney");
                    double expected = mw.get("auto").has("two-sided")
                            ? num(mw.get("auto").get("two-sided").get("pvalue"))
                            : EXACT_MWU_NOT_RUN.get(c.get("name").asText())[2];
                    assertP("MWU p", expected, cmp.mannWhitney().pValue());
                    ReferenceCases.assertStrictJson(Json.write(cmp));
                }));
    }

    @TestFactory
    Stream<DynamicTest> roundingArtifactCasesGetTheExactZeroVarianceAnswer() {
        return ReferenceCases.twoSampleCases().stream()
                .filter(c -> quality(c).equals("scipy_rounding_artifact"))
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    double[] baseline = array(c.get("baseline"));
                    double[] current = array(c.get("current"));
                    boolean sameValue = baseline[0] == current[0];
                    for (Direction direction : Direction.values()) {
                        RegressionResult result = new PerformanceRegressionDetector()
                                .detectRegression(baseline, current, "m", null, direction);
                        ReferenceCases.assertStrictJson(Json.write(result));
                        // SciPy's 1e-32 variances are rounding noise: two constant groups have exactly zero variance
                        assertThat(result.summaryStatistics().baseline().std()).isZero();
                        assertThat(result.summaryStatistics().current().std()).isZero();
                        if (sameValue) {
                            assertThat(result.regressionDetected()).isFalse();
                            assertThat(result.statisticalTests().tTest().statistic()).isNaN();
                            assertThat(result.pValue()).isEqualTo(1.0);
                        } else {
                            // 0.1 -> 0.3 is a real change: the same answer as both_constant_different_values
                            assertThat(result.statisticalTests().tTest().statistic()).isInfinite();
                            assertThat(result.regressionDetected()).isEqualTo(direction != Direction.DECREASE);
                        }
                    }
                }));
    }

    private static void summary(String what, JsonNode expected, RegressionResult.GroupSummary actual, JsonNode hp,
                                String group) {
        assertClose(what + " mean", ReferenceCases.trusted(num(expected.get("mean")), hp, "mean_" + group,
                "mean_" + group), actual.mean());
        assertClose(what + " std", ReferenceCases.trusted(num(expected.get("std")), hp, "std_" + group,
                "std_" + group), actual.std());
        assertClose(what + " median", num(expected.get("median")), actual.median());
        assertClose(what + " min", num(expected.get("min")), actual.min());
        assertClose(what + " max", num(expected.get("max")), actual.max());
    }

    /** A one-sided p from the exact two-sided one: half on the side of the observed sign, 1 - half on the other. */
    private static double oneSided(double twoSided, double t, Direction direction) {
        if (direction == Direction.BOTH) {
            return twoSided;
        }
        boolean withSign = (t > 0) == (direction == Direction.INCREASE);
        return withSign ? twoSided / 2 : 1 - twoSided / 2;
    }

    private static String quality(JsonNode c) {
        return c.get("reference_quality").asText();
    }
}
