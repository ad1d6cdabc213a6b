package io.promptdesk.engine.rollback;

import io.promptdesk.engine.rollout.Reconciler;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a rollback's steps, from wherever its record says it is (a fresh start, or a resume after a crash):
 * validate, pre-rollback health, switch, post-rollback check, result. Each step is recorded before it is acted on,
 * and the deadline is checked before each step and between retries. Single use; runs on one thread.
 */
final class RollbackRun {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackRun.class);

    private final RollbackEnvironment env;
    private final RollbackSettings settings;
    private final RollbackLedger ledger;
    private final RollbackTargets targets;
    private final HealthProbe probe;
    private final RegistrySwitch switcher;
    private final Reconciler reconciler;
    private final Retry retry;
    private final Deadline deadline;
    private final RollbackListener listener;
    private RollbackRecord r;
    private RollbackStep failedStep;

    RollbackRun(RollbackEnvironment env, RollbackSettings settings, RollbackRecord start, Instant workDeadline,
                RollbackListener listener) {
        this.env = env;
        this.settings = settings;
        this.ledger = new RollbackLedger(env.rollbacks(), env.audit(), env.clock());
        this.targets = new RollbackTargets(env.registry(), env.rollouts());
        this.probe = new HealthProbe(env.metrics(), settings);
        this.switcher = new RegistrySwitch(env.registry(), env.rollouts());
        this.reconciler = new Reconciler(env.rollouts(), env.registry(), env.router(), env.clock(),
                settings.systemActor(), env.boundaries());
        this.retry = new Retry(settings.retry(), env.timer());
        this.deadline = new Deadline(env.clock(), workDeadline);
        this.listener = listener;
        this.r = start;
    }

    RollbackOutcome execute() {
        try {
            try {
                steps();
            } catch (RollbackTimeoutException e) {
                finish(RollbackStatus.TIMEOUT, timeoutMessage(e.getMessage()), List.of());
            } catch (RollbackLedger.Fenced e) {
                throw e;
            } catch (RuntimeException e) {
                // Whatever a step's collaborators throw, the rollback must end recorded, not stay "running".
                failedStep = r.step();
                LOG.warn("rollback {} failed at {}: {}", r.rollbackId(), r.step().key(), e.toString());
                try {
                    finish(RollbackStatus.FAILED, r.step().key() + " failed: " + e.getMessage() + state(), List.of());
                } catch (RollbackLedger.Fenced fenced) {
                    throw fenced;
                } catch (RuntimeException recording) {
                    recording.addSuppressed(e);
                    throw recording;
                }
            }
        } catch (RollbackLedger.Fenced e) {
            // The watchdog or a recovering process decided this rollback's fate meanwhile; report what it recorded.
            LOG.info("{}", e.getMessage());
            r = env.rollbacks().find(r.rollbackId()).orElse(r);
        }
        return new RollbackOutcome(RollbackResult.of(r, true), RollbackOutcome.Origin.STARTED, failedStep);
    }

    private void steps() {
        if (running(RollbackStep.VALIDATE)) {
            validate();
        }
        if (running(RollbackStep.PRE_HEALTH)) {
            preHealth();
        }
        if (running(RollbackStep.SWITCH)) {
            doSwitch();
        }
        if (running(RollbackStep.POST_HEALTH)) {
            postHealth();
        }
    }

    private boolean running(RollbackStep step) {
        return r.status() == RollbackStatus.RUNNING && r.step() == step;
    }

    private void validate() {
        checkDeadline("before validating the target");
        TargetValidation v = retry.call("validating " + r.modelName() + " " + r.toVersion(), deadline,
                () -> targets.validate(r.modelName(), r.fromVersion(), r.toVersion()));
        Instant now = ledger.now();
        if (!v.isValid()) {
            failedStep = RollbackStep.VALIDATE;
            finish(RollbackStatus.FAILED, "target refused: " + v.errorMessage(), List.of(step(now,
                    RollbackStep.VALIDATE, StepState.FAILED, v.errorMessage())));
            return;
        }
        advance(r.at(RollbackStep.PRE_HEALTH), List.of(step(now, RollbackStep.VALIDATE, StepState.DONE,
                r.toVersion() + " is a valid target"), step(now, RollbackStep.PRE_HEALTH, StepState.STARTED, null)));
    }

    private void preHealth() {
        checkDeadline("before the pre-rollback health snapshot");
        HealthSnapshot snap = probe.snapshotWithin(r.modelName(), r.fromVersion(), ledger.now(),
                settings.preHealthBudget());
        Instant now = ledger.now();
        advance(r.withPre(snap).at(RollbackStep.SWITCH), List.of(step(now, RollbackStep.PRE_HEALTH, StepState.DONE,
                snap.summary()), step(now, RollbackStep.SWITCH, StepState.STARTED, "production -> " + r.toVersion())));
    }

    private void doSwitch() {
        checkDeadline("before the switch");
        RollbackRecord before = r;
        env.boundaries().at("before:store:switch");
        RollbackLedger.Committed c = retry.call("switching " + r.modelName() + " to " + r.toVersion(), deadline,
                () -> ledger.atomically(() -> {
                    Instant now = ledger.now();
                    // Production may have moved since the rollback was recorded (a resume long after a crash);
                    // already on the target means a remote registry took part of the switch before a crash.
                    if (!before.toVersion().equals(production())) {
                        targets.requireDeployed(before.modelName(), before.fromVersion());
                    }
                    String what = switcher.apply(before, now);
                    return ledger.advance(before, before.switchedTo(RollbackStep.POST_HEALTH), List.of(
                                    step(now, RollbackStep.SWITCH, StepState.DONE, what),
                                    step(now, RollbackStep.POST_HEALTH, StepState.STARTED, null)),
                            "rollback_switched", before.triggeredBy(), what);
                }));
        committed(c);
        env.boundaries().at("after:store:switch");
        applyTraffic();
    }

    /**
     * Brings the router (and a remote registry) to the desired state the switch stored - all traffic to the target
     * - and waits for the acknowledgement, retried within the deadline. A resumed or retried rollback does this again
     * before it can succeed: success means traffic is where the record says.
     */
    private void applyTraffic() {
        retry.call("routing all traffic of " + r.modelName() + " to " + r.toVersion(), deadline, () -> {
            reconciler.ensure(r.modelName());
            return null;
        });
    }

    private String production() {
        return env.registry().resolve(r.modelName(), ModelRegistry.PRODUCTION).map(ModelVersion::version)
                .orElse(null);
    }

    private void postHealth() {
        checkDeadline("before the post-rollback check");
        applyTraffic();
        String production = production();
        if (!r.toVersion().equals(production)) {
            failedStep = RollbackStep.POST_HEALTH;
            String why = "after the switch production is " + production + ", not " + r.toVersion()
                    + ": someone changed it meanwhile; check the registry history";
            finish(RollbackStatus.FAILED, why, List.of(step(ledger.now(), RollbackStep.POST_HEALTH, StepState.FAILED,
                    why)));
            return;
        }
        HealthSnapshot snap = probe.snapshotWithin(r.modelName(), r.toVersion(), ledger.now(),
                settings.preHealthBudget());
        r = r.withPost(snap);
        finish(RollbackStatus.SUCCESS, null, List.of(step(ledger.now(), RollbackStep.POST_HEALTH, StepState.DONE,
                snap.summary())));
    }

    private void checkDeadline(String where) {
        if (deadline.passed()) {
            throw new RollbackTimeoutException(where, null, null);
        }
    }

    private String timeoutMessage(String where) {
        return "exceeded the " + settings.rollbackTimeout().toSeconds() + " s SLA (" + where + ")" + state();
    }

    /** Whether the switch happened: what an operator must know first after a failure or timeout. */
    private String state() {
        if (r.switched()) {
            return "; the switch to " + r.toVersion() + " happened and is recorded";
        }
        String production;
        try {
            production = env.registry().resolve(r.modelName(), ModelRegistry.PRODUCTION).map(ModelVersion::version)
                    .orElse("not set");
        } catch (RuntimeException e) {
            production = "unknown (the registry cannot be read: " + e.getMessage() + ")";
        }
        return "; the switch did not happen: production is still " + production;
    }

    private void advance(RollbackRecord next, List<StepRecord> steps) {
        committed(ledger.advance(r, next, steps, null, r.triggeredBy(), null));
    }

    private void finish(RollbackStatus status, String error, List<StepRecord> before) {
        List<StepRecord> steps = new ArrayList<>(before);
        if (status != RollbackStatus.SUCCESS && before.isEmpty()) {
            steps.add(step(ledger.now(), r.step(), StepState.FAILED, error));
        }
        committed(ledger.end(r, status, error, steps, r.triggeredBy()));
        listener.onFinished(RollbackResult.of(r, true));
    }

    private void committed(RollbackLedger.Committed c) {
        r = c.record();
        c.steps().forEach(listener::onStep);
    }

    private StepRecord step(Instant at, RollbackStep step, StepState state, String detail) {
        return StepRecord.of(r.rollbackId(), at, step, state, detail);
    }
}
