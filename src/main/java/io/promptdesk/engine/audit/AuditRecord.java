package io.promptdesk.engine.audit;

import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An action to add to the audit log: who did what to which rollout or rollback, when and why.
 *
 * @param action    what happened, e.g. {@code rollout_advanced}, {@code rollback_started}
 * @param subjectId the rollout or rollback concerned
 * @param details   what changed (versions, percentages, statuses), written as canonical JSON with sorted keys
 */
public record AuditRecord(Instant at, String actor, String action, String subjectId, String model,
                          Map<String, String> details, String reason) {
    public AuditRecord {
        if (actor == null || actor.isBlank()) {
            throw new BadInputException("an audited action needs the name of who did it");
        }
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** The details as stored and hashed: a JSON object with sorted keys. */
    public String detailsJson() {
        return Json.write(new TreeMap<>(details));
    }
}
