package io.promptdesk.engine.rollback;

import io.promptdesk.engine.rollback.RollbackOutcome.Origin;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiPredicate;

/**
 * Decides, in one store transaction and so across processes, what a trigger or a resume does: wait for the model's
 * running rollback, report one that already put the target back, resume an interrupted one of the same version,
 * or record a new one. A running rollback whose runner is gone is marked interrupted first.
 */
final class RollbackAdmission {
    private final RollbackEnvironment env;
    private final RollbackSettings settings;
    private final RollbackLedger ledger;
    private final RollbackTargets targets;
    /** (model, rollback id): this controller is running that rollback now. */
    private final BiPredicate<String, String> runsHere;

    /** What to do: run a rollback, wait for another process's, or report one. */
    record Start(RollbackRecord record, Origin origin, List<StepRecord> steps, boolean waitForOther) {
        static Start run(RollbackLedger.Committed c, Origin origin) {
            return new Start(c.record(), origin, c.steps(), false);
        }

        static Start done(RollbackRecord r) {
            return new Start(r, Origin.JOINED, List.of(), false);
        }

        static Start waitFor(RollbackRecord r) {
            return new Start(r, Origin.JOINED, List.of(), true);
        }
    }

    RollbackAdmission(RollbackEnvironment env, RollbackSettings settings, RollbackLedger ledger,
                      RollbackTargets targets, BiPredicate<String, String> runsHere) {
        this.env = env;
        this.settings = settings;
        this.ledger = ledger;
        this.targets = targets;
        this.runsHere = runsHere;
    }

    Start trigger(RollbackRequest q) {
        return ledger.atomically(() -> {
            String model = q.modelName();
            Instant now = ledger.now();
            Optional<RollbackRecord> running = env.rollbacks().running(model);
            if (running.isPresent()) {
                if (!abandoned(running.get(), now)) {
                    return Start.waitFor(running.get());
                }
                ledger.interrupt(running.get(), whyAbandoned(running.get()), settings.systemActor());
            }
            Optional<RollbackRecord> latest = env.rollbacks().latest(model);
            if (latest.isPresent() && latest.get().fromVersion().equals(q.currentVersion())) {
                RollbackRecord l = latest.get();
                if (l.status() == RollbackStatus.INTERRUPTED) {
                    return Start.run(ledger.resume(l, env.liveness().self(), q.triggeredBy()), Origin.RESUMED);
                }
                boolean sameTarget = q.targetVersion() == null || q.targetVersion().equals(l.toVersion());
                if (l.status() == RollbackStatus.SUCCESS && l.toVersion().equals(production(model))) {
                    return Start.done(l);
                }
                boolean retryable = l.switched() ? l.toVersion().equals(production(model))
                        : l.status() == RollbackStatus.TIMEOUT && l.skipValidation() == q.skipValidation()
                        && targets.isDeployed(model, q.currentVersion());
                if ((l.status() == RollbackStatus.FAILED || l.status() == RollbackStatus.TIMEOUT) && sameTarget
                        && retryable) {
                    // The next trigger tries the failed step again, in the same record, with a fresh SLA window:
                    // after the switch its traffic; a timed-out one from the start. A refused or failed request
                    // before the switch gets a new record, as the request may differ.
                    return Start.run(ledger.retry(l, env.liveness().self(), q.triggeredBy()), Origin.RESUMED);
                }
            }
            targets.requireDeployed(model, q.currentVersion());
            String to = q.targetVersion() != null ? env.registry().get(model, q.targetVersion()).version()
                    : targets.previousStable(model, q.currentVersion()).orElseThrow(() -> new RollbackException(
                    model + " has no earlier stable version to roll " + q.currentVersion() + " back to: name one "
                            + "with a target version (valid ones: " + targets.validTargets(model, q.currentVersion())
                            + ")"));
            String id = "rb-" + UUID.randomUUID().toString().substring(0, 13);
            RollbackStep first = q.skipValidation() ? RollbackStep.PRE_HEALTH : RollbackStep.VALIDATE;
            RollbackRecord r = new RollbackRecord(id, model, q.currentVersion(), to, q.reason(), q.triggeredBy(),
                    q.skipValidation(), RollbackStatus.RUNNING, first, false, now,
                    now.plus(settings.rollbackTimeout()), null, null, null, null, env.liveness().self(), 1);
            List<StepRecord> steps = q.skipValidation()
                    ? List.of(StepRecord.of(id, now, RollbackStep.VALIDATE, StepState.SKIPPED,
                    "skipped on request (emergency mode)"), StepRecord.of(id, now, first, StepState.STARTED, null))
                    : List.of(StepRecord.of(id, now, first, StepState.STARTED, to));
            return Start.run(ledger.start(r, steps), Origin.STARTED);
        });
    }

    Start resume(String id, String actor) {
        return ledger.atomically(() -> {
            RollbackRecord r = env.rollbacks().find(id).orElseThrow();
            if (r.status() == RollbackStatus.RUNNING) {
                if (!abandoned(r, ledger.now())) {
                    return Start.waitFor(r);
                }
                r = ledger.interrupt(r, whyAbandoned(r), settings.systemActor()).record();
            }
            if (r.status() != RollbackStatus.INTERRUPTED) {
                return Start.done(r);
            }
            return Start.run(ledger.resume(r, env.liveness().self(), actor), Origin.RESUMED);
        });
    }

    /** Marks the rollback interrupted if it is running and abandoned; returns its state either way. */
    RollbackRecord recover(String id) {
        return ledger.atomically(() -> {
            RollbackRecord cur = env.rollbacks().find(id).orElseThrow();
            return cur.status() == RollbackStatus.RUNNING && abandoned(cur, ledger.now())
                    ? ledger.interrupt(cur, whyAbandoned(cur), settings.systemActor()).record() : cur;
        });
    }

    /**
     * How a reader should see the rollback: a running one whose runner is gone is shown as interrupted (with how
     * to finish it) at once, without waiting for a trigger to record it so.
     */
    RollbackRecord asSeen(RollbackRecord r) {
        if (r.status() != RollbackStatus.RUNNING || !abandoned(r, ledger.now())) {
            return r;
        }
        return r.ended(RollbackStatus.INTERRUPTED, ledger.now(), whyAbandoned(r));
    }

    /** Its runner died, or it is far past its deadline, or it is this controller's but no longer running here. */
    private boolean abandoned(RollbackRecord r, Instant now) {
        if (r.owner().equals(env.liveness().self())) {
            return !runsHere.test(r.modelName(), r.rollbackId());
        }
        return env.liveness().isGone(r.owner()) || now.isAfter(r.deadline().plus(settings.staleAfter()));
    }

    private static String whyAbandoned(RollbackRecord r) {
        return "interrupted at " + r.step().key() + ": the process running it stopped" + (r.switched()
                ? "; the switch to " + r.toVersion() + " happened and is recorded"
                : "; the switch did not happen: production is still " + r.fromVersion())
                + "; resume it to finish";
    }

    private String production(String model) {
        return env.registry().resolve(model, ModelRegistry.PRODUCTION).map(ModelVersion::version).orElse(null);
    }
}
