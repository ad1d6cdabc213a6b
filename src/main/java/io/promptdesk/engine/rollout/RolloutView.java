package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * The spec's rollout dictionary, key for key: what {@code start_rollout}, {@code get_rollout_status} and the other
 * methods return. {@code health_status.healthy} is false only when the latest check found the canary worse: an
 * inconclusive check (too little data) holds the stage but is not a failure.
 */
@JsonPropertyOrder({"rollout_id", "deployment_name", "new_version", "current_stage", "current_percentage", "stages",
        "start_time", "status", "health_status"})
public record RolloutView(String rolloutId, String deploymentName, String newVersion, int currentStage,
                          int currentPercentage, List<Integer> stages, String startTime, RolloutStatus status,
                          HealthStatus healthStatus) {

    /** @param lastCheck ISO-8601 time of the latest check, or null before the first */
    @JsonPropertyOrder({"healthy", "metrics", "last_check"})
    public record HealthStatus(boolean healthy, Map<String, Double> metrics, String lastCheck) {
    }

    public static RolloutView of(Rollout r) {
        LastCheck c = r.lastCheck();
        HealthStatus health = c == null ? new HealthStatus(true, Map.of(), null)
                : new HealthStatus(c.outcome() != HealthOutcome.UNHEALTHY, c.metrics(), c.at().toString());
        return new RolloutView(r.rolloutId(), r.deploymentName(), r.newVersion(), r.currentStage(),
                r.currentPercentage(), r.plan().stages(), r.startTime().toString(), r.status(), health);
    }
}
