package io.promptdesk.engine.stats;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A least-squares trend, as SciPy's {@code linregress(x, values)} with x the timestamps or the index 0..n-1.
 *
 * @param pValue     two-sided p-value of slope = 0 (t-test with n - 2 degrees of freedom)
 * @param stdErr     standard error of the slope
 * @param prediction the next point and its 95% prediction interval
 * @param direction  increasing or decreasing when p &lt; 0.05, otherwise stable
 */
@JsonPropertyOrder({"slope", "intercept", "r_squared", "p_value", "std_err", "prediction", "direction", "warnings"})
public record TrendResult(double slope, double intercept, @JsonProperty("r_squared") double rSquared,
                          @JsonProperty("p_value") double pValue, double stdErr, Prediction prediction,
                          TrendDirection direction, List<String> warnings) {

    public TrendResult {
        warnings = List.copyOf(warnings);
    }

    /**
     * The fitted value at {@code at}: the next index, or the last timestamp plus the mean spacing
     * (last - first) / (n - 1); {@code lower}/{@code upper} bound a new observation there with 95% confidence.
     */
    @JsonPropertyOrder({"at", "value", "lower", "upper"})
    public record Prediction(double at, double value, double lower, double upper) {
    }
}
