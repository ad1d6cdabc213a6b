package io.promptdesk.app.history;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One rollback or rollout in the History workspace's table, as exported.
 *
 * @param kind    {@code rollback} or {@code rollout}
 * @param slaMet  for a rollback, whether it met its SLA; null for a rollout
 * @param details the whole record (a rollback with its steps, a rollout with its events) as pretty JSON
 */
@JsonPropertyOrder({"kind", "id", "model", "from_version", "to_version", "status", "triggered_by", "start_time",
        "end_time", "sla_met", "reason"})
public record HistoryRow(String kind, String id, String model, String fromVersion, String toVersion, String status,
                         String triggeredBy, @JsonSerialize(using = ToStringSerializer.class) Instant startTime,
                         @JsonSerialize(using = ToStringSerializer.class) Instant endTime, Boolean slaMet,
                         String reason, @JsonIgnore String details) {
    public static final String ROLLBACK = "rollback";
    public static final String ROLLOUT = "rollout";
    /** An action the database or PromptDesk refused this login (kind and status). */
    public static final String REFUSED = "refused";

    /** The SLA column: {@code sla_met}, {@code missed}, or empty for a rollout (or a rollback still running). */
    public String slaText() {
        return slaMet == null ? "" : slaMet ? "sla_met" : "missed";
    }
}
