package io.promptdesk.engine.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegressionDetectedExceptionTest {

    private final PerformanceRegressionDetector detector = new PerformanceRegressionDetector(0.99, 0.5, 3.0);
    private final double[] baseline = {95, 98, 92, 96, 94, 97, 93, 95};

    @Test
    void carriesTheResultWhenARegressionIsFound() {
        RegressionResult r = detector.detectRegression(baseline, new double[]{105, 108, 103, 107, 104, 106, 102, 105},
                "response_latency_ms", List.of(), Direction.INCREASE);
        assertThatThrownBy(() -> RegressionDetectedException.requireNone(r))
                .isInstanceOf(RegressionDetectedException.class)
                .hasMessage(r.recommendation())
                .satisfies(e -> assertThat(((RegressionDetectedException) e).result()).isSameAs(r));
    }

    @Test
    void passesTheResultThroughWhenThereIsNone() {
        RegressionResult r = detector.detectRegression(baseline, new double[]{94, 97, 93, 95, 96, 94, 95, 96},
                "response_latency_ms", List.of(), Direction.INCREASE);
        assertThat(RegressionDetectedException.requireNone(r)).isSameAs(r);
    }
}
