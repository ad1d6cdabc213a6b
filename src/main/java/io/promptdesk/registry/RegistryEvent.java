package io.promptdesk.registry;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import java.time.Instant;

/**
 * One change in a model's append-only history: who, when, why, and what moved from what to what
 * (an alias from one version to another, a version from one status to another, a tag's value).
 *
 * @param seq  the change's number within its model, from 1; 0 for an event not yet stored
 * @param name the alias or tag key concerned, or null
 */
@JsonPropertyOrder({"model", "seq", "at", "actor", "kind", "version", "name", "from", "to", "reason"})
public record RegistryEvent(String model, long seq, @JsonSerialize(using = ToStringSerializer.class) Instant at,
                            String actor, RegistryEventKind kind, String version, String name, String from,
                            String to, String reason) {
}
