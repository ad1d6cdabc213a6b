package io.promptdesk.engine.rollback;

import io.promptdesk.model.BadInputException;

import java.time.Duration;

/**
 * A controller's SLA, health limits and pacing.
 *
 * @param rollbackTimeout      the SLA: the whole rollback must finish within it (the spec's rollback_timeout, 30 s)
 * @param healthCheckInterval  default time between post-rollback health snapshots (the spec's 5 s)
 * @param healthWindow         how much recent traffic a health snapshot looks at
 * @param minRequests          requests a snapshot needs for a verdict; fewer is {@code no_data}
 * @param maxErrorRate         above it a version is unhealthy
 * @param maxLatencyP95Seconds above it a version is unhealthy
 * @param retry                how registry steps are retried (bounded by the SLA)
 * @param staleAfter           a rollback still running this long after its deadline is taken as abandoned even when
 *                             its process cannot be checked (another host)
 * @param pollInterval         how often a trigger waiting for another process's rollback looks again
 * @param systemActor          who automatic changes (marking a rollback interrupted) are recorded as
 * @param preHealthBudget      how long a rollback's health read (before and after the switch) may take before it is
 *                             recorded as unknown:
 *                             the switch never waits on a slow or hung metrics source
 */
public record RollbackSettings(Duration rollbackTimeout, Duration healthCheckInterval, Duration healthWindow,
                               int minRequests, double maxErrorRate, double maxLatencyP95Seconds, RetryPolicy retry,
                               Duration staleAfter, Duration pollInterval, String systemActor,
                               Duration preHealthBudget) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_HEALTH_CHECK_INTERVAL = Duration.ofSeconds(5);
    public static final String SYSTEM_ACTOR = "rollback-controller";
    public static final Duration DEFAULT_PRE_HEALTH_BUDGET = Duration.ofSeconds(2);

    public RollbackSettings {
        if (rollbackTimeout.isNegative() || rollbackTimeout.isZero()) {
            throw new BadInputException("the rollback timeout must be positive, got " + rollbackTimeout);
        }
        if (healthCheckInterval.isNegative() || healthCheckInterval.isZero() || healthWindow.isNegative()
                || healthWindow.isZero() || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new BadInputException("health intervals, windows and the poll interval must be positive");
        }
        if (preHealthBudget == null) {
            preHealthBudget = DEFAULT_PRE_HEALTH_BUDGET;
        }
        if (preHealthBudget.isNegative() || preHealthBudget.isZero()) {
            throw new BadInputException("the pre-rollback health budget must be positive, got " + preHealthBudget);
        }
        if (minRequests < 1 || !(maxErrorRate >= 0 && maxErrorRate <= 1) || !(maxLatencyP95Seconds > 0)) {
            throw new BadInputException("health limits need at least one request, an error rate in 0..1 and a "
                    + "positive latency");
        }
    }

    public static RollbackSettings defaults() {
        return new RollbackSettings(DEFAULT_TIMEOUT, DEFAULT_HEALTH_CHECK_INTERVAL, Duration.ofSeconds(60), 20, 0.05,
                1.0, RetryPolicy.defaults(), DEFAULT_TIMEOUT, Duration.ofMillis(200), SYSTEM_ACTOR,
                DEFAULT_PRE_HEALTH_BUDGET);
    }

    public RollbackSettings withTimeout(Duration timeout) {
        return new RollbackSettings(timeout, healthCheckInterval, healthWindow, minRequests, maxErrorRate,
                maxLatencyP95Seconds, retry, staleAfter, pollInterval, systemActor,
                preHealthBudget);
    }

    public RollbackSettings withHealthCheckInterval(Duration interval) {
        return new RollbackSettings(rollbackTimeout, interval, healthWindow, minRequests, maxErrorRate,
                maxLatencyP95Seconds, retry, staleAfter, pollInterval, systemActor,
                preHealthBudget);
    }

    public RollbackSettings withRetry(RetryPolicy policy) {
        return new RollbackSettings(rollbackTimeout, healthCheckInterval, healthWindow, minRequests, maxErrorRate,
                maxLatencyP95Seconds, policy, staleAfter, pollInterval, systemActor,
                preHealthBudget);
    }

    public RollbackSettings withPreHealthBudget(Duration budget) {
        return new RollbackSettings(rollbackTimeout, healthCheckInterval, healthWindow, minRequests, maxErrorRate,
                maxLatencyP95Seconds, retry, staleAfter, pollInterval, systemActor, budget);
    }
}
