package io.promptdesk.metrics.prometheus;

import io.promptdesk.metrics.MetricsUnavailableException;

/** Prometheus refused a query, failed it, or answered with something that is not its API's JSON. */
public class PrometheusQueryException extends MetricsUnavailableException {
    public PrometheusQueryException(String message) {
        super(message);
    }

    public PrometheusQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
