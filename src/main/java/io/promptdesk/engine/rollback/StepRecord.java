package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One row of a rollback's append-only step record.
 *
 * @param seq    the row's number within the rollback, from 1; 0 before it is stored
 * @param detail what the step found or why it failed, or null
 */
@JsonPropertyOrder({"rollback_id", "seq", "at", "step", "state", "detail"})
public record StepRecord(String rollbackId, long seq, @JsonSerialize(using = ToStringSerializer.class) Instant at,
                         RollbackStep step, StepState state, String detail) {

    static StepRecord of(String rollbackId, Instant at, RollbackStep step, StepState state, String detail) {
        return new StepRecord(rollbackId, 0, at, step, state, detail);
    }
}
