package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One step's outcome as recorded and reported.
 *
 * @param summary one line a person reads: what the step found or did
 */
@JsonPropertyOrder({"step", "status", "started_at", "ended_at", "summary"})
public record StepResult(PipelineStep step, StepStatus status,
                         @JsonSerialize(using = ToStringSerializer.class) Instant startedAt,
                         @JsonSerialize(using = ToStringSerializer.class) Instant endedAt, String summary) {

    public static StepResult running(PipelineStep step, Instant at) {
        return new StepResult(step, StepStatus.RUNNING, at, null, null);
    }

    public StepResult ended(StepStatus outcome, Instant at, String text) {
        return new StepResult(step, outcome, startedAt, at, text);
    }
}
