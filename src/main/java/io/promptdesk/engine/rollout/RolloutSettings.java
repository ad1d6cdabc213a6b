package io.promptdesk.engine.rollout;

import io.promptdesk.model.BadInputException;

import java.time.Duration;

/**
 * A manager's defaults and limits.
 *
 * @param stageDuration         default time a stage runs healthy before the next (the spec's stage_duration)
 * @param healthCheckInterval   default time between health checks (the spec's health_check_interval)
 * @param onUnhealthy           default policy for an unhealthy check
 * @param minSamples            requests each version must serve in a window for a conclusive verdict
 * @param maxSamples            at most this many requests per version are compared (the regression engine's limit)
 * @param maxConcurrentRollouts rollouts in progress or paused at once, across deployments (the spec's limit is 3)
 * @param actor                 who the spec-shaped methods act as
 * @param systemActor           who automatic transitions (stage advances, health policy) are recorded as
 * @param timeScale             how many seconds of a plan's durations pass per second of the clock: 60 runs a
 *                              five-minute stage in five seconds for a demo; times are still stored as the clock's
 */
public record RolloutSettings(Duration stageDuration, Duration healthCheckInterval, UnhealthyPolicy onUnhealthy,
                              int minSamples, int maxSamples, int maxConcurrentRollouts, String actor,
                              String systemActor, double timeScale) {
    public static final int DEFAULT_MIN_SAMPLES = 200;
    public static final int DEFAULT_MAX_SAMPLES = 10_000;
    public static final int DEFAULT_MAX_CONCURRENT = 3;
    public static final String SYSTEM_ACTOR = "rollout-manager";

    public RolloutSettings {
        if (minSamples < 2 || maxSamples < minSamples) {
            throw new BadInputException("sample limits need 2 <= min (" + minSamples + ") <= max (" + maxSamples + ")");
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new BadInputException("the time scale must be a positive number, got " + timeScale);
        }
        if (maxConcurrentRollouts < 1) {
            throw new BadInputException("at least one rollout must be allowed at a time");
        }
    }

    public static RolloutSettings defaults(String actor) {
        return new RolloutSettings(RolloutPlan.DEFAULT_STAGE_DURATION, RolloutPlan.DEFAULT_HEALTH_CHECK_INTERVAL,
                UnhealthyPolicy.PAUSE, DEFAULT_MIN_SAMPLES, DEFAULT_MAX_SAMPLES, DEFAULT_MAX_CONCURRENT, actor,
                SYSTEM_ACTOR, 1);
    }

    public RolloutSettings withTiming(Duration stage, Duration interval) {
        return new RolloutSettings(stage, interval, onUnhealthy, minSamples, maxSamples, maxConcurrentRollouts, actor,
                systemActor, timeScale);
    }

    public RolloutSettings withOnUnhealthy(UnhealthyPolicy policy) {
        return new RolloutSettings(stageDuration, healthCheckInterval, policy, minSamples, maxSamples,
                maxConcurrentRollouts, actor, systemActor, timeScale);
    }

    public RolloutSettings withTimeScale(double scale) {
        return new RolloutSettings(stageDuration, healthCheckInterval, onUnhealthy, minSamples, maxSamples,
                maxConcurrentRollouts, actor, systemActor, scale);
    }

    /** A plan duration as time on the clock. */
    public Duration onClock(Duration planned) {
        return timeScale == 1 ? planned : Duration.ofNanos((long) Math.ceil(planned.toNanos() / timeScale));
    }

    public RolloutSettings withMinSamples(int min) {
        return new RolloutSettings(stageDuration, healthCheckInterval, onUnhealthy, min, maxSamples,
                maxConcurrentRollouts, actor, systemActor, timeScale);
    }
}
