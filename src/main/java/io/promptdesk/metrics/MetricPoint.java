package io.promptdesk.metrics;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/** One step of a version's time series: its requests in [{@code start}, start + step) and what they did. */
public record MetricPoint(@JsonSerialize(using = ToStringSerializer.class) Instant start, long requests,
                          double errorRate, double engagementRate, double latencyP95) {
}
