package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.time.Instant;

/**
 * The spec's rollback result, key for key: {@code rollback_id, model_name, from_version, to_version, start_time,
 * end_time, duration_seconds, status, health_check_results{pre_rollback, post_rollback}, reason, triggered_by,
 * sla_met, error}. Times are ISO-8601; {@code end_time} and {@code duration_seconds} are null while it runs.
 *
 * @param slaMet it finished (success or failed) before its deadline; false on timeout
 */
@JsonPropertyOrder({"rollback_id", "model_name", "from_version", "to_version", "start_time", "end_time",
        "duration_seconds", "status", "health_check_results", "reason", "triggered_by", "sla_met", "error"})
public record RollbackResult(String rollbackId, String modelName, String fromVersion, String toVersion,
                             String startTime, String endTime, Double durationSeconds, RollbackStatus status,
                             HealthCheckResults healthCheckResults, String reason, String triggeredBy, boolean slaMet,
                             String error) {

    /** The snapshots before and after the switch; null where not taken (or left out of a history listing). */
    @JsonPropertyOrder({"pre_rollback", "post_rollback"})
    public record HealthCheckResults(HealthSnapshot preRollback, HealthSnapshot postRollback) {
    }

    public static RollbackResult of(RollbackRecord r, boolean includeMetrics) {
        Instant end = r.endTime();
        Double duration = end == null ? null : Duration.between(r.startTime(), end).toMillis() / 1000.0;
        boolean met = end != null && r.status().isFinal() && r.status() != RollbackStatus.TIMEOUT
                && !end.isAfter(r.deadline());
        return new RollbackResult(r.rollbackId(), r.modelName(), r.fromVersion(), r.toVersion(),
                r.startTime().toString(), end == null ? null : end.toString(), duration, r.status(),
                includeMetrics ? new HealthCheckResults(r.preRollback(), r.postRollback())
                        : new HealthCheckResults(null, null), r.reason(), r.triggeredBy(), met, r.error());
    }

    /**
     * For callers who treat a breached SLA as an error (the spec's RollbackTimeoutError).
     *
     * @return this result when it did not time out
     * @throws RollbackTimeoutException carrying this result otherwise
     */
    public RollbackResult orThrowOnTimeout() {
        if (status == RollbackStatus.TIMEOUT) {
            throw new RollbackTimeoutException("rollback " + rollbackId + " of " + modelName + " " + fromVersion
                    + " -> " + toVersion + " exceeded its SLA: " + error, this, null);
        }
        return this;
    }
}
