package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What {@code monitor_post_rollback_health} saw: every snapshot of the production version over the watch, how many
 * were healthy or not, and the verdict of the last one with data ({@code no_data} when none had any).
 */
@JsonPropertyOrder({"model_name", "version", "start_time", "end_time", "checks", "healthy_checks",
        "unhealthy_checks", "state", "snapshots"})
public record PostRollbackHealth(String modelName, String version, String startTime, String endTime, int checks,
                                 int healthyChecks, int unhealthyChecks, HealthState state,
                                 List<HealthSnapshot> snapshots) {
    public PostRollbackHealth {
        snapshots = List.copyOf(snapshots);
    }

    static PostRollbackHealth of(String model, String version, String start, String end,
                                 List<HealthSnapshot> snapshots) {
        int healthy = (int) snapshots.stream().filter(s -> s.state() == HealthState.HEALTHY).count();
        int unhealthy = (int) snapshots.stream().filter(s -> s.state() == HealthState.UNHEALTHY).count();
        HealthState last = HealthState.NO_DATA;
        for (HealthSnapshot s : snapshots) {
            if (s.state() != HealthState.NO_DATA) {
                last = s.state();
            }
        }
        return new PostRollbackHealth(model, version, start, end, snapshots.size(), healthy, unhealthy, last,
                snapshots);
    }
}
