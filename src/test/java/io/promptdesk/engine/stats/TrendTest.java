package io.promptdesk.engine.stats;

import io.promptdesk.model.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrendTest {

    private final PerformanceRegressionDetector detector = new PerformanceRegressionDetector();

    @Test
    void predictionIntervalIsTheClassicalOneForANewObservation() {
        double[] values = ReferenceCases.array(ReferenceCases.trendCases().get(0).get("values"));
        TrendResult t = detector.calculateTrend(values, null);
        // NumPy polyfit residuals and SciPy's t.ppf(0.975, 28): value +/- t * s * sqrt(1 + 1/n + (x0 - xbar)^2 / Sxx)
        assertThat(t.prediction().at()).isEqualTo(30);
        assertThat(t.prediction().value()).isCloseTo(115.81372413793098, within(1e-9));
        assertThat(t.prediction().lower()).isCloseTo(111.33328890802267, within(1e-7));
        assertThat(t.prediction().upper()).isCloseTo(120.29415936783928, within(1e-7));
        assertThat(t.direction()).isEqualTo(TrendDirection.INCREASING);
    }

    @Test
    void directionInWords() {
        assertThat(detector.calculateTrend(new double[]{10, 9, 8, 7.1, 6, 5}, null).direction())
                .isEqualTo(TrendDirection.DECREASING);
        assertThat(detector.calculateTrend(new double[]{5, 6, 5, 6, 5, 6}, null).direction())
                .isEqualTo(TrendDirection.STABLE);
    }

    @Test
    void timestampsSetTheNextPointByTheMeanSpacing() {
        TrendResult t = detector.calculateTrend(new double[]{1, 2, 4}, new double[]{100, 110, 130});
        assertThat(t.prediction().at()).isEqualTo(145);
        assertThat(t.slope()).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void twoPointsHaveNoPredictionIntervalAndSayWhy() {
        TrendResult t = detector.calculateTrend(new double[]{10, 12.5}, null);
        assertThat(t.prediction().value()).isEqualTo(15);
        assertThat(t.prediction().lower()).isNaN();
        assertThat(t.warnings()).anyMatch(w -> w.contains("two points"));
    }

    @Test
    void unusableInputIsRejectedClearly() {
        assertThatThrownBy(() -> detector.calculateTrend(new double[]{1}, null))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> detector.calculateTrend(new double[]{1, 2}, new double[]{1}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("2 values but 1 timestamps");
        assertThatThrownBy(() -> detector.calculateTrend(new double[]{1, 2, 3}, new double[]{5, 5, 5}))
                .isInstanceOf(BadInputException.class).hasMessageContaining("x values are equal");
    }
}
