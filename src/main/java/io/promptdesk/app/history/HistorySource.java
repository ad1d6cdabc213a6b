package io.promptdesk.app.history;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.json.Json;
import io.promptdesk.model.AccessDenial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads rollbacks and rollouts of every model into one list, with the audit chain's verification. Free of JavaFX;
 * called off the FX thread.
 */
public final class HistorySource {
    /** Rollbacks read per model: the table is for recent history; the CLI reaches further back. */
    static final int ROLLBACKS_PER_MODEL = 200;

    private final RollbackController rollbacks;
    private final RolloutRepository rollouts;
    private final AuditLog audit;
    private final Supplier<List<String>> models;
    private final Supplier<List<AccessDenial>> denials;

    public HistorySource(RollbackController rollbacks, RolloutRepository rollouts, AuditLog audit,
                         Supplier<List<String>> models) {
        this(rollbacks, rollouts, audit, models, List::of);
    }

    /** @param denials the latest refused attempts (a team store records them), listed beside the actions */
    public HistorySource(RollbackController rollbacks, RolloutRepository rollouts, AuditLog audit,
                         Supplier<List<String>> models, Supplier<List<AccessDenial>> denials) {
        this.rollbacks = rollbacks;
        this.rollouts = rollouts;
        this.audit = audit;
        this.models = models;
        this.denials = denials;
    }

    public HistorySnapshot read() {
        List<HistoryRow> rows = new ArrayList<>();
        for (String model : models.get()) {
            for (RollbackResult r : rollbacks.getRollbackHistory(model, ROLLBACKS_PER_MODEL, true)) {
                rows.add(rollback(r));
            }
            for (Rollout r : rollouts.history(model)) {
                rows.add(rollout(r, rollouts.events(r.rolloutId())));
            }
        }
        for (AccessDenial d : denials.get()) {
            rows.add(refused(d));
        }
        rows.sort(Comparator.comparing(HistoryRow::startTime, Comparator.nullsLast(Comparator.reverseOrder())));
        return new HistorySnapshot(rows, audit.verify());
    }

    private HistoryRow rollback(RollbackResult r) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rollback", r);
        details.put("steps", rollbacks.steps(r.rollbackId()));
        return new HistoryRow(HistoryRow.ROLLBACK, r.rollbackId(), r.modelName(), r.fromVersion(), r.toVersion(),
                r.status().key(), r.triggeredBy(), Instant.parse(r.startTime()),
                r.endTime() == null ? null : Instant.parse(r.endTime()), r.slaMet(), r.reason(), Json.pretty(details));
    }

    /** A refused attempt: who, what, when, and the role it needed; its status is {@code refused}. */
    private static HistoryRow refused(AccessDenial d) {
        return new HistoryRow(HistoryRow.REFUSED, "refused-" + d.id(), d.subject() == null ? "" : d.subject(), null,
                null, HistoryRow.REFUSED, d.actor(), d.at(), d.at(), null, d.action().replace('_', ' ') + ": needs "
                + d.needed(), Json.pretty(details(d)));
    }

    private static Map<String, Object> details(AccessDenial d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refused", d.action());
        m.put("actor", d.actor());
        m.put("at", d.at().toString());
        m.put("subject", d.subject());
        m.put("needed", d.needed());
        m.put("detail", d.detail());
        return m;
    }

    private static HistoryRow rollout(Rollout r, List<RolloutEvent> events) {
        RolloutEvent first = events.isEmpty() ? null : events.get(0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("rollout", RolloutView.of(r));
        details.put("events", events);
        return new HistoryRow(HistoryRow.ROLLOUT, r.rolloutId(), r.deploymentName(), r.stableVersion(),
                r.newVersion(), r.status().key(), first == null ? null : first.actor(), r.startTime(), r.endedAt(),
                null, first == null ? null : first.reason(), Json.pretty(details));
    }
}
