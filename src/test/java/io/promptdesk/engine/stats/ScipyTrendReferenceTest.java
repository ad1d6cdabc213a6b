package io.promptdesk.engine.stats;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static io.promptdesk.engine.stats.ReferenceCases.array;
import static io.promptdesk.engine.stats.ReferenceCases.assertClose;
import static io.promptdesk.engine.stats.ReferenceCases.assertP;
import static io.promptdesk.engine.stats.ReferenceCases.num;
import static io.promptdesk.engine.stats.ReferenceCases.trusted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every trend case of the SciPy reference ({@code linregress}). */
class ScipyTrendReferenceTest {

    /**
     * SciPy's r^2 is 1e-9 off in trend_huge_magnitude_values, so its p-value is 1e-6 off; this is SciPy's own
     * formula (t.sf with the TINY guard) evaluated at the exact r^2 of high_precision_check.
     */
    private static final double HUGE_MAGNITUDE_EXACT_P = 4.5739719202232734e-20;
    /** The slope's standard error of that case in exact rational arithmetic (SciPy's is 6e-8 off). */
    private static final double HUGE_MAGNITUDE_EXACT_STDERR = 0.010930632536313612;

    private final PerformanceRegressionDetector detector = new PerformanceRegressionDetector();

    @TestFactory
    Stream<DynamicTest> calculateTrendAgreesWithLinregress() {
        return ReferenceCases.trendCases().stream().map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
            double[] values = array(c.get("values"));
            double[] timestamps = c.get("timestamps").isNull() ? null : array(c.get("timestamps"));
            JsonNode lr = c.get("linregress");
            if (lr.has("error")) {
                assertThatThrownBy(() -> detector.calculateTrend(values, timestamps))
                        .isInstanceOf(BadInputException.class).hasMessageContaining("x values are equal");
                return;
            }
            JsonNode hp = c.get("high_precision_check");
            if (c.has("linregress_nan_dropped")) {
                assertThatThrownBy(() -> detector.calculateTrend(values, timestamps))
                        .isInstanceOf(BadInputException.class).hasMessageContaining("NaN");
                lr = c.get("linregress_nan_dropped");
                hp = c.get("high_precision_check_nan_dropped");
            }
            TrendResult t = detector.calculateTrend(values, timestamps, true);
            assertClose("slope", trusted(num(lr.get("slope")), hp, "slope", "slope"), t.slope());
            assertClose("intercept", trusted(num(lr.get("intercept")), hp, "intercept", "intercept"), t.intercept());
            double r2 = num(lr.get("r_squared"));
            // hp has no r^2 for constant values (0/0); SciPy's rule makes it 0
            if (hp != null && hp.has("r_squared") && !hp.get("r_squared").isNull()) {
                r2 = trusted(r2, hp, "r_squared", "r_squared");
            }
            assertClose("r_squared", r2, t.rSquared());
            double expectedP = c.get("name").asText().equals("trend_huge_magnitude_values") ? HUGE_MAGNITUDE_EXACT_P
                    : num(lr.get("pvalue"));
            assertP("p_value", expectedP, t.pValue());
            double expectedStdErr = c.get("name").asText().equals("trend_huge_magnitude_values")
                    ? HUGE_MAGNITUDE_EXACT_STDERR : num(lr.get("stderr"));
            assertClose("std_err", expectedStdErr, t.stdErr());
            assertClose("prediction at", num(c.get("x_next")), t.prediction().at());
            assertClose("prediction", trusted(num(lr.get("prediction_next")), hp, "prediction_next",
                    "prediction_next"), t.prediction().value());
            ReferenceCases.assertStrictJson(Json.write(t));
            if (values.length > 2) {
                assertThat(t.prediction().lower()).isLessThanOrEqualTo(t.prediction().value());
                assertThat(t.prediction().upper()).isGreaterThanOrEqualTo(t.prediction().value());
            }
        }));
    }
}
