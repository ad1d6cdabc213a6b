package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditLog;
import io.promptdesk.engine.rollout.EffectBoundaries;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a rollback controller works with, built once by the composition root: the registry whose aliases it moves,
 * the rollouts it stops, where traffic is routed, the metrics its health snapshots read, its own store, the audit
 * log, the clock, the executor rollbacks run on (so the SLA watchdog can give up on a stuck one), the timer, and
 * how to tell a dead runner.
 */
public record RollbackEnvironment(ModelRegistry registry, RolloutRepository rollouts, TrafficRouter router,
                                  MetricsSource metrics, RollbackRepository rollbacks, AuditLog audit, Clock clock,
                                  Executor executor, RollbackTimer timer, RunnerLiveness liveness,
                                  EffectBoundaries boundaries) {
    public RollbackEnvironment {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(rollbacks, "rollbacks");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(executor, "executor");
        timer = timer == null ? RollbackTimer.SYSTEM : timer;
        liveness = liveness == null ? RunnerLiveness.ofProcess() : liveness;
        boundaries = boundaries == null ? EffectBoundaries.NONE : boundaries;
    }

    public RollbackEnvironment(ModelRegistry registry, RolloutRepository rollouts, TrafficRouter router,
                               MetricsSource metrics, RollbackRepository rollbacks, AuditLog audit, Clock clock,
                               Executor executor, RollbackTimer timer, RunnerLiveness liveness) {
        this(registry, rollouts, router, metrics, rollbacks, audit, clock, executor, timer, liveness,
                EffectBoundaries.NONE);
    }

    /** The same, stopping at the effect boundaries a crash test names. */
    public RollbackEnvironment withBoundaries(EffectBoundaries b) {
        return new RollbackEnvironment(registry, rollouts, router, metrics, rollbacks, audit, clock, executor, timer,
                liveness, b);
    }

    public RollbackEnvironment withMetrics(MetricsSource m) {
        return new RollbackEnvironment(registry, rollouts, router, m, rollbacks, audit, clock, executor, timer,
                liveness, boundaries);
    }

    public RollbackEnvironment withExecution(Executor e, RollbackTimer t) {
        return new RollbackEnvironment(registry, rollouts, router, metrics, rollbacks, audit, clock, e, t, liveness,
                boundaries);
    }
}
