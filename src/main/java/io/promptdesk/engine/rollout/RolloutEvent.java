package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One transition in a rollout's append-only history: who, when, why, from which status and percentage to which.
 *
 * @param seq    the event's number within the rollout, from 1; 0 before it is stored
 * @param forced a health gate was skipped (a forced advance, a completion without final checks)
 */
@JsonPropertyOrder({"rollout_id", "seq", "at", "actor", "kind", "from_status", "to_status", "from_percentage",
        "to_percentage", "stage", "forced", "reason"})
public record RolloutEvent(String rolloutId, long seq, @JsonSerialize(using = ToStringSerializer.class) Instant at,
                           String actor, RolloutEventKind kind, RolloutStatus fromStatus, RolloutStatus toStatus,
                           Integer fromPercentage, int toPercentage, int stage, boolean forced, String reason) {

    static RolloutEvent between(Rollout before, Rollout after, RolloutEventKind kind, Instant at, String actor,
                                boolean forced, String reason) {
        return new RolloutEvent(after.rolloutId(), 0, at, actor, kind, before == null ? null : before.status(),
                after.status(), before == null ? null : before.currentPercentage(), after.currentPercentage(),
                after.currentStage(), forced, reason);
    }
}
