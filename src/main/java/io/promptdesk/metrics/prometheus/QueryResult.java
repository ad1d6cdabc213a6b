package io.promptdesk.metrics.prometheus;

import java.util.List;

/**
 * A successful query's data: its type ({@code vector}, {@code matrix}, {@code scalar}), its series (a scalar is one
 * series without labels; no matching series is an empty list, which means "no data", not an error) and the
 * server's warnings.
 */
public record QueryResult(String resultType, List<PromSeries> series, List<String> warnings) {
    public QueryResult {
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    public boolean isEmpty() {
        return series.isEmpty();
    }

    /**
     * The single value of an instant query that aggregates to one series, NaN when there is no data.
     *
     * @throws PrometheusQueryException when the query returns several series: it must aggregate them
     */
    public double singleValue(String query) {
        if (series.isEmpty()) {
            return Double.NaN;
        }
        if (series.size() > 1) {
            throw new PrometheusQueryException("the query returned " + series.size() + " series where one was "
                    + "expected; aggregate it (sum, histogram_quantile ... by (le)): " + query);
        }
        return series.get(0).lastValue();
    }
}
