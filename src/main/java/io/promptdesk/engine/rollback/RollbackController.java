package io.promptdesk.engine.rollback;

import io.promptdesk.engine.rollback.RollbackOutcome.Origin;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.Attribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The spec's RollbackController: puts a model's previous good version back under an SLA (30 s by default).
 * <p>
 * A rollback is recorded before anything is done, then runs its steps ({@link RollbackRun}) on the executor while
 * the caller waits until the deadline; past it, the caller records {@code timeout} and the worker, fenced by the
 * store, can do nothing more. Either way the record says whether the switch happened. One rollback per model runs
 * at a time, across processes too (a unique "running" row): a second trigger joins the running one, or returns the
 * finished one when it already put the target back, and never rolls back twice. A rollback whose process died is
 * marked {@code interrupted} and can be resumed where it stopped.
 * <p>
 * Synchronous: the caller picks the thread (the console runs it off the FX thread). Thread-safe.
 */
public final class RollbackController {
    private static final Logger LOG = LoggerFactory.getLogger(RollbackController.class);
    private static final int MAX_HISTORY = 1000;

    private final RollbackEnvironment env;
    private final RollbackSettings settings;
    private final RollbackLedger ledger;
    private final RollbackTargets targets;
    private final PostRollbackMonitor monitor;
    private final RollbackAdmission admission;
    /** Rollbacks this controller runs now, by model: a second trigger in this process waits for the first. */
    private final ConcurrentHashMap<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> modelLocks = new ConcurrentHashMap<>();

    private record InFlight(String rollbackId, CompletableFuture<RollbackOutcome> outcome) {
    }

    public RollbackController(RollbackEnvironment env, RollbackSettings settings) {
        this.env = env;
        this.settings = settings;
        this.ledger = new RollbackLedger(env.rollbacks(), env.audit(), env.clock());
        this.targets = new RollbackTargets(env.registry(), env.rollouts());
        this.monitor = new PostRollbackMonitor(env, new HealthProbe(env.metrics(), settings));
        this.admission = new RollbackAdmission(env, settings, ledger, targets, (model, id) -> {
            InFlight f = inFlight.get(model);
            return f != null && f.rollbackId().equals(id);
        });
    }

    public RollbackSettings settings() {
        return settings;
    }

    /** The spec's trigger_rollback. */
    public RollbackResult triggerRollback(String modelName, String currentVersion, String targetVersion, String reason,
                                          String triggeredBy, boolean skipValidation) {
        return trigger(new RollbackRequest(modelName, currentVersion, targetVersion, reason, triggeredBy,
                skipValidation), RollbackListener.NONE).result();
    }

    /**
     * Rolls {@code request.currentVersion()} back, or joins the model's running rollback.
     *
     * @throws RollbackException   when the model or a version is unknown, the current version is not deployed, or
     *                             there is no earlier stable version (nothing is recorded)
     * @throws PromptDeskException when the store cannot be used (locked, damaged); nothing half-done is left
     */
    public RollbackOutcome trigger(RollbackRequest request, RollbackListener listener) {
        return drive(request.modelName(), () -> admission.trigger(request), listener);
    }

    /** Resumes one interrupted rollback where it stopped (or reports it if it already ended). */
    public RollbackOutcome resume(String rollbackId, String actor, RollbackListener listener) {
        RollbackRecord r = env.rollbacks().find(rollbackId).orElseThrow(() ->
                new RollbackException("no rollback " + rollbackId + " in this workspace"));
        String by = actor == null || actor.isBlank() ? Attribution.currentUser() : actor;
        return drive(r.modelName(), () -> admission.resume(rollbackId, by), listener);
    }

    /**
     * The rollbacks already marked interrupted, oldest first, read only: for a desk that may not roll back (and so
     * may not mark one).
     */
    public List<RollbackRecord> interrupted() {
        return env.rollbacks().unfinished().stream().filter(r -> r.status() == RollbackStatus.INTERRUPTED).toList();
    }

    /** Marks rollbacks whose process is gone as interrupted; returns every interrupted rollback, oldest first. */
    public List<RollbackRecord> recoverInterrupted() {
        List<RollbackRecord> out = new ArrayList<>();
        for (RollbackRecord r : env.rollbacks().unfinished()) {
            RollbackRecord now = r;
            if (r.status() == RollbackStatus.RUNNING) {
                synchronized (lockOf(r.modelName())) {
                    now = admission.recover(r.rollbackId());
                }
            }
            if (now.status() == RollbackStatus.INTERRUPTED) {
                out.add(now);
            }
        }
        return out;
    }

    /** Recovers, then finishes every interrupted rollback, as {@code actor} (null: the operating-system user). */
    public List<RollbackOutcome> resumeInterrupted(String actor) {
        List<RollbackOutcome> out = new ArrayList<>();
        for (RollbackRecord r : recoverInterrupted()) {
            out.add(resume(r.rollbackId(), actor, RollbackListener.NONE));
        }
        return out;
    }

    /** The spec's validate_rollback_target, against the version a rollback would start from now. */
    public TargetValidation validateRollbackTarget(String modelName, String targetVersion) {
        try {
            return targets.current(modelName).map(c -> targets.validate(modelName, c, targetVersion))
                    .orElseGet(() -> TargetValidation.refused(modelName + " has nothing deployed to roll back"));
        } catch (BadInputException e) {
            return TargetValidation.refused(e.getMessage());
        }
    }

    /** Validates a target for a rollback from {@code currentVersion}. */
    public TargetValidation validateRollbackTarget(String modelName, String currentVersion, String targetVersion) {
        try {
            return targets.validate(modelName, currentVersion, targetVersion);
        } catch (BadInputException e) {
            return TargetValidation.refused(e.getMessage());
        }
    }

    /** The version a rollback would start from: the running rollout's canary, else production. */
    public Optional<String> currentVersion(String modelName) {
        return targets.current(modelName);
    }

    /** What a rollback from {@code currentVersion} with no target would return to. */
    public Optional<String> previousStableVersion(String modelName, String currentVersion) {
        return targets.previousStable(modelName, currentVersion);
    }

    /** Every valid target for a rollback from {@code currentVersion}, the most recently in production first. */
    public List<String> validTargets(String modelName, String currentVersion) {
        return targets.validTargets(modelName, currentVersion);
    }

    /** True when {@code version} serves production or is the running rollout's canary. */
    public boolean isDeployed(String modelName, String version) {
        try {
            targets.requireDeployed(modelName, version);
            return true;
        } catch (BadInputException e) {
            return false;
        }
    }

    /**
     * The spec's get_rollback_history: most recent first; health snapshots only with {@code includeMetrics}. A
     * rollback whose process is gone shows as interrupted, saying how to finish it.
     */
    public List<RollbackResult> getRollbackHistory(String modelName, int limit, boolean includeMetrics) {
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new BadInputException("the history limit must lie in 1.." + MAX_HISTORY + ", got " + limit);
        }
        env.registry().model(modelName);
        return env.rollbacks().history(modelName, limit).stream()
                .map(r -> RollbackResult.of(admission.asSeen(r), includeMetrics)).toList();
    }

    /** A rollback's step records, in order. */
    public List<StepRecord> steps(String rollbackId) {
        return env.rollbacks().steps(rollbackId);
    }

    /**
     * The spec's monitor_post_rollback_health: snapshots of the production version every {@code checkInterval}
     * seconds for {@code durationSeconds}, each given to {@code listener} as taken; cancel the future to stop.
     */
    public CompletableFuture<PostRollbackHealth> monitorPostRollbackHealth(String modelName, int durationSeconds,
                                                                           int checkInterval,
                                                                           HealthSnapshotListener listener) {
        return monitor.watch(modelName, Duration.ofSeconds(durationSeconds), Duration.ofSeconds(checkInterval),
                listener == null ? HealthSnapshotListener.NONE : listener);
    }

    /** The spec's safe_rollback, as the operating-system user. */
    public RollbackGuard guard(String modelName, String version) {
        return guard(modelName, version, Attribution.currentUser());
    }

    public RollbackGuard guard(String modelName, String version, String triggeredBy) {
        return new RollbackGuard(this, modelName, version, triggeredBy);
    }

    // ---- running ----

    private RollbackOutcome drive(String model, Supplier<RollbackAdmission.Start> decide, RollbackListener listener) {
        RollbackListener l = listener == null ? RollbackListener.NONE : listener;
        while (true) {
            InFlight local;
            RollbackAdmission.Start s;
            InFlight mine = null;
            synchronized (lockOf(model)) {
                local = inFlight.get(model);
                s = local != null ? null : decide.get();
                if (s != null && !s.waitForOther() && s.record().status() == RollbackStatus.RUNNING) {
                    mine = new InFlight(s.record().rollbackId(), new CompletableFuture<>());
                    inFlight.put(model, mine);
                }
            }
            if (local != null) {
                return unwrap(local.outcome()).as(Origin.JOINED);
            }
            if (mine != null) {
                s.steps().forEach(l::onStep);
                return runOwned(s, mine, l);
            }
            if (!s.waitForOther()) {
                return new RollbackOutcome(RollbackResult.of(s.record(), true), Origin.JOINED, null);
            }
            // Another process runs this model's rollback: wait for its outcome (or for it to be found abandoned).
            pause(settings.pollInterval(), "waiting for rollback " + s.record().rollbackId());
            RollbackRecord other = env.rollbacks().find(s.record().rollbackId()).orElseThrow();
            if (other.status().isFinal()) {
                return new RollbackOutcome(RollbackResult.of(other, true), Origin.JOINED, null);
            }
        }
    }

    private RollbackOutcome runOwned(RollbackAdmission.Start s, InFlight mine, RollbackListener listener) {
        RollbackRecord r = s.record();
        Instant now = ledger.now();
        // A resumed rollback gets a fresh SLA window for what is left; sla_met still counts from its start.
        Instant fresh = now.plus(settings.rollbackTimeout());
        Instant workDeadline = s.origin() == Origin.RESUMED && r.deadline().isBefore(fresh) ? fresh : r.deadline();
        CompletableFuture<RollbackOutcome> work = new CompletableFuture<>();
        work.whenComplete((o, t) -> settle(r.modelName(), mine, o, t));
        try {
            env.executor().execute(() -> {
                try {
                    work.complete(new RollbackRun(env, settings, r, workDeadline, listener).execute());
                } catch (Throwable t) {
                    work.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            RollbackRecord ended = ledger.end(r, RollbackStatus.FAILED, "could not be started: the controller is "
                    + "shutting down; nothing was changed", List.of(), settings.systemActor()).record();
            work.complete(new RollbackOutcome(RollbackResult.of(ended, true), s.origin(), r.step()));
        }
        boolean done;
        try {
            done = env.timer().await(work, env.clock(), workDeadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromptDeskException("interrupted while waiting for rollback " + r.rollbackId()
                    + "; it goes on in the background: see the history", e);
        }
        if (!done) {
            RollbackOutcome out = giveUp(r, work, listener);
            settle(r.modelName(), mine, out, null);
            return out.as(s.origin());
        }
        return unwrap(work).as(s.origin());
    }

    /**
     * The SLA watchdog: the worker did not return in time. Records the timeout, which fences the worker; if the
     * worker recorded its own end just now, that end stands.
     */
    private RollbackOutcome giveUp(RollbackRecord started, CompletableFuture<RollbackOutcome> work,
                                   RollbackListener listener) {
        RollbackRecord[] ours = new RollbackRecord[1];
        RollbackRecord end = ledger.atomically(() -> {
            RollbackRecord cur = env.rollbacks().find(started.rollbackId()).orElseThrow();
            if (cur.status() != RollbackStatus.RUNNING) {
                return cur;
            }
            String why = "exceeded the " + settings.rollbackTimeout().toSeconds() + " s SLA: the " + cur.step().key()
                    + " step did not return in time" + (cur.switched() ? "; the switch to " + cur.toVersion()
                    + " happened and is recorded" : "; the switch did not happen: production is still "
                    + cur.fromVersion());
            ours[0] = ledger.end(cur, RollbackStatus.TIMEOUT, why, List.of(StepRecord.of(cur.rollbackId(),
                    ledger.now(), cur.step(), StepState.FAILED, "abandoned by the SLA watchdog")),
                    settings.systemActor()).record();
            return ours[0];
        });
        if (ours[0] == null) {
            return work.isDone() ? unwrap(work) : new RollbackOutcome(RollbackResult.of(end, true), Origin.STARTED,
                    null);
        }
        LOG.error("rollback {} of {}: {}", end.rollbackId(), end.modelName(), end.error());
        RollbackResult result = RollbackResult.of(end, true);
        listener.onFinished(result);
        return new RollbackOutcome(result, Origin.STARTED, null);
    }

    private void settle(String model, InFlight mine, RollbackOutcome outcome, Throwable failure) {
        if (failure != null) {
            mine.outcome().completeExceptionally(failure);
        } else {
            mine.outcome().complete(outcome);
        }
        inFlight.remove(model, mine);
    }

    private Object lockOf(String model) {
        return modelLocks.computeIfAbsent(model, k -> new Object());
    }

    private void pause(Duration d, String what) {
        try {
            env.timer().pause(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromptDeskException("interrupted while " + what, e);
        }
    }

    private static RollbackOutcome unwrap(CompletableFuture<RollbackOutcome> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
