package io.promptdesk.engine.audit;

import io.promptdesk.engine.rollout.DeploymentNote;
import io.promptdesk.engine.rollout.DesiredState;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A rollout repository that also writes each rollout transition to the audit log, in the same transaction as the
 * transition itself, so the log never misses one nor records one that did not happen. Health checks are
 * observations, not actions, and are not audited.
 */
public final class AuditingRolloutRepository implements RolloutRepository {
    private final RolloutRepository delegate;
    private final AuditLog audit;

    public AuditingRolloutRepository(RolloutRepository delegate, AuditLog audit) {
        this.delegate = delegate;
        this.audit = audit;
    }

    @Override
    public RolloutEvent append(RolloutEvent event) {
        return delegate.atomically(() -> {
            RolloutEvent stored = delegate.append(event);
            Rollout r = delegate.find(event.rolloutId()).orElseThrow(() -> new IllegalStateException(
                    "rollout " + event.rolloutId() + " has an event but no state"));
            Map<String, String> details = new LinkedHashMap<>();
            details.put("new_version", r.newVersion());
            details.put("stable_version", r.stableVersion());
            details.put("from_status", event.fromStatus() == null ? null : event.fromStatus().key());
            details.put("to_status", event.toStatus().key());
            details.put("from_percentage", event.fromPercentage() == null ? null : event.fromPercentage().toString());
            details.put("to_percentage", Integer.toString(event.toPercentage()));
            details.put("stage", Integer.toString(event.stage()));
            details.put("forced", Boolean.toString(event.forced()));
            details.values().removeIf(java.util.Objects::isNull);
            audit.append(new AuditRecord(event.at(), event.actor(), "rollout_" + event.kind().key(), r.rolloutId(),
                    r.deploymentName(), details, event.reason()));
            return stored;
        });
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        return delegate.atomically(work);
    }

    @Override
    public Optional<Rollout> find(String rolloutId) {
        return delegate.find(rolloutId);
    }

    @Override
    public Optional<Rollout> active(String deployment) {
        return delegate.active(deployment);
    }

    @Override
    public Optional<Rollout> latest(String deployment) {
        return delegate.latest(deployment);
    }

    @Override
    public List<Rollout> allActive() {
        return delegate.allActive();
    }

    @Override
    public List<Rollout> history(String deployment) {
        return delegate.history(deployment);
    }

    @Override
    public void insert(Rollout rollout) {
        delegate.insert(rollout);
    }

    @Override
    public boolean update(Rollout next) {
        return delegate.update(next);
    }

    @Override
    public HealthCheck append(HealthCheck check) {
        return delegate.append(check);
    }

    @Override
    public List<RolloutEvent> events(String rolloutId) {
        return delegate.events(rolloutId);
    }

    @Override
    public List<HealthCheck> healthChecks(String rolloutId) {
        return delegate.healthChecks(rolloutId);
    }

    @Override
    public Optional<DesiredState> desired(String deployment) {
        return delegate.desired(deployment);
    }

    @Override
    public List<DesiredState> allDesired() {
        return delegate.allDesired();
    }

    @Override
    public boolean saveDesired(DesiredState next) {
        return delegate.saveDesired(next);
    }

    @Override
    public boolean confirmRouter(String deployment, long generation, String target, java.time.Instant at) {
        return delegate.confirmRouter(deployment, generation, target, at);
    }

    /** Fenced actions and repaired drift are audited like the transitions themselves. */
    @Override
    public void note(DeploymentNote n) {
        delegate.atomically(() -> audit.append(new AuditRecord(n.at(), n.actor(), n.action(), n.subjectId(),
                n.deployment(), n.details(), n.reason())));
        delegate.note(n);
    }

    @Override
    public io.promptdesk.engine.rollout.LeaseGrant lease(String deployment, String holder, java.time.Instant now,
                                                         java.time.Duration ttl,
                                                         java.util.function.Consumer<String> onTakeover) {
        return delegate.lease(deployment, holder, now, ttl, onTakeover);
    }

    @Override
    public void releaseLease(String deployment, String holder) {
        delegate.releaseLease(deployment, holder);
    }

    @Override
    public Optional<io.promptdesk.engine.rollout.LeaseGrant> leaseOf(String deployment) {
        return delegate.leaseOf(deployment);
    }
}
