package io.promptdesk.engine.rollback;

import io.promptdesk.engine.rollout.DesiredState;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The switch: the model's running rollout stopped with no traffic left on its canary (failed when the canary is the
 * version rolled back, else rolled back and its version a candidate again), then the target serving production as a
 * stable version, {@code previous} pointing at the bad version, which is marked failed. Runs inside the caller's
 * transaction: on the embedded registry all of it commits, with its record, or none of it. The deployment's
 * desired state (production on the target, no canary, all traffic to the target) is written in the same
 * transaction: it is what the router is then brought to, and what every later command re-applies.
 */
final class RegistrySwitch {
    private static final int REASON_IN_HISTORY = 300;

    private final ModelRegistry registry;
    private final RolloutRepository rollouts;

    RegistrySwitch(ModelRegistry registry, RolloutRepository rollouts) {
        this.registry = registry;
        this.rollouts = rollouts;
    }

    /** @return what changed, for the step record */
    String apply(RollbackRecord r, Instant now) {
        String model = r.modelName();
        String from = r.fromVersion();
        String to = r.toVersion();
        Attribution by = Attribution.of(r.triggeredBy(), "rollback " + r.rollbackId() + " " + from + " -> " + to
                + ": " + abbreviate(r.reason()));
        Map<String, VersionStatus> statuses = new LinkedHashMap<>();
        String stopped = rollouts.active(model).map(a -> {
            if (!a.newVersion().equals(from)) {
                statuses.put(a.newVersion(), VersionStatus.CANDIDATE);
            }
            return stop(a, from, now, by);
        }).orElse(null);
        String before = registry.resolve(model, ModelRegistry.PRODUCTION).map(v -> v.version()).orElse("none");
        registry.setStatus(model, to, VersionStatus.STABLE, by);
        registry.setAlias(model, ModelRegistry.PRODUCTION, to, by);
        registry.setAlias(model, ModelRegistry.PREVIOUS, from, by);
        registry.setStatus(model, from, VersionStatus.FAILED, by);
        dropCanary(model, from, by);
        statuses.put(to, VersionStatus.STABLE);
        statuses.put(from, VersionStatus.FAILED);
        DesiredState prior = rollouts.desired(model).orElse(null);
        if (!rollouts.saveDesired(DesiredState.next(prior, model, r.rollbackId(), to, null, 0, from, statuses,
                "rollback " + r.rollbackId() + " " + from + " -> " + to, now, r.triggeredBy()))) {
            throw new IllegalStateException(model + "'s desired state changed inside the switch's transaction");
        }
        String production = before.equals(to) ? "production stays " + to : "production " + before + " -> " + to;
        return production + ", previous -> " + from + ", " + from + " failed"
                + (stopped == null ? "" : ", rollout " + stopped + " stopped at 0%");
    }

    private String stop(Rollout a, String bad, Instant now, Attribution by) {
        boolean canaryIsBad = a.newVersion().equals(bad);
        RolloutStatus end = canaryIsBad ? RolloutStatus.FAILED : RolloutStatus.ROLLED_BACK;
        // A paused stage clock resumes for the time it was stopped, as the rollout manager's own stop does.
        Instant stageStart = a.pausedAt() == null ? a.stageStartedAt()
                : a.stageStartedAt().plus(Duration.between(a.pausedAt(), now));
        Rollout next = new Rollout(a.rolloutId(), a.deploymentName(), a.newVersion(), a.stableVersion(), a.plan(), end,
                a.currentStage(), 0, a.startTime(), stageStart, null, now, a.lastCheck(), a.revision() + 1);
        if (!rollouts.update(next)) {
            throw new IllegalStateException("rollout " + a.rolloutId() + " changed inside the switch's transaction");
        }
        rollouts.append(new RolloutEvent(a.rolloutId(), 0, now, by.actor(),
                canaryIsBad ? RolloutEventKind.FAILED : RolloutEventKind.ROLLED_BACK, a.status(), end,
                a.currentPercentage(), 0, a.currentStage(), false, by.reason()));
        if (!canaryIsBad) {
            registry.setStatus(a.deploymentName(), a.newVersion(), VersionStatus.CANDIDATE, by);
            dropCanary(a.deploymentName(), a.newVersion(), by);
        }
        return a.rolloutId();
    }

    private void dropCanary(String model, String version, Attribution by) {
        registry.resolve(model, ModelRegistry.CANARY).filter(c -> c.version().equals(version))
                .ifPresent(c -> registry.removeAlias(model, ModelRegistry.CANARY, by));
    }

    private static String abbreviate(String reason) {
        return reason.length() <= REASON_IN_HISTORY ? reason : reason.substring(0, REASON_IN_HISTORY - 3) + "...";
    }
}
