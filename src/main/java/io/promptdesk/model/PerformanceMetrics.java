package io.promptdesk.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The spec's {@code performance_metrics}; times in seconds. */
@JsonPropertyOrder({"total_execution_time", "average_test_time", "memory_usage_mb", "cpu_usage_percent"})
public record PerformanceMetrics(double totalExecutionTime, double averageTestTime, double memoryUsageMb,
                                 double cpuUsagePercent) {

    /** Metric names accepted in a performance threshold. */
    public static final java.util.List<String> NAMES =
            java.util.List.of("total_execution_time", "average_test_time", "memory_usage_mb", "cpu_usage_percent");

    /** The value of a metric by its spec name. */
    public double get(String name) {
        return switch (name) {
            case "total_execution_time" -> totalExecutionTime;
            case "average_test_time" -> averageTestTime;
            case "memory_usage_mb" -> memoryUsageMb;
            case "cpu_usage_percent" -> cpuUsagePercent;
            default -> throw new BadInputException("unknown performance metric '" + name + "': expected one of "
                    + NAMES);
        };
    }
}
