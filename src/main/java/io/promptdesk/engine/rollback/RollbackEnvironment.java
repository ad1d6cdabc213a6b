package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditLog;
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
                                  Executor executor, RollbackTimer timer, RunnerLiveness liveness) {
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
    }

    public RollbackEnvironment withMetrics(MetricsSource m) {
        return new RollbackEnvironment(registry, rollouts, router, m, rollbacks, audit, clock, executor, timer,
                liveness);
    }

    public RollbackEnvironment withExecution(Executor e, RollbackTimer t) {
        return new RollbackEnvironment(registry, rollouts, router, metrics, rollbacks, audit, clock, e, t, liveness);
    }
}
