package io.promptdesk.engine.rollout;

import java.time.Duration;
import java.time.Instant;

/**
 * The committed state of one rollout. Immutable: each transition makes a new state with the next
 * {@code revision}, which the store uses to detect a change made meanwhile by another process.
 *
 * @param stableVersion  the production version when the rollout started: the baseline of every health check
 * @param currentStage   index into the plan's stages; after a rollback, the stage where it stopped
 * @param stageStartedAt when the current stage began, moved forward by the length of any pause
 * @param pausedAt       when it was paused, or null
 * @param endedAt        when it completed, failed or was rolled back, or null
 * @param lastCheck      the latest health check, or null before the first
 */
public record Rollout(String rolloutId, String deploymentName, String newVersion, String stableVersion,
                      RolloutPlan plan, RolloutStatus status, int currentStage, int currentPercentage,
                      Instant startTime, Instant stageStartedAt, Instant pausedAt, Instant endedAt,
                      LastCheck lastCheck, int revision) {

    /** Time spent in the current stage, not counting pauses. */
    public Duration stageElapsed(Instant now) {
        Instant end = pausedAt != null ? pausedAt : endedAt != null ? endedAt : now;
        Duration d = Duration.between(stageStartedAt, end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** Time left in the current stage, zero once it has run its duration. */
    public Duration stageRemaining(Instant now) {
        Duration left = plan.stageDuration().minus(stageElapsed(now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    Rollout advanced(int stage, Instant now) {
        int pct = plan.stages().get(stage);
        RolloutStatus s = pct == 100 ? RolloutStatus.COMPLETED : status;
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, s, stage, pct, startTime,
                now, pausedAt, pct == 100 ? now : endedAt, lastCheck, revision);
    }

    Rollout paused(Instant now) {
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, RolloutStatus.PAUSED,
                currentStage, currentPercentage, startTime, stageStartedAt, now, endedAt, lastCheck, revision);
    }

    /** The stage clock continues where the pause stopped it. */
    Rollout resumed(Instant now) {
        Instant shifted = stageStartedAt.plus(Duration.between(pausedAt, now));
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, RolloutStatus.IN_PROGRESS,
                currentStage, currentPercentage, startTime, shifted, null, endedAt, lastCheck, revision);
    }

    /** Failed or rolled back: all traffic returns to the stable version. */
    Rollout stopped(RolloutStatus end, Instant now) {
        Instant stageStart = pausedAt != null ? stageStartedAt.plus(Duration.between(pausedAt, now)) : stageStartedAt;
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, end, currentStage, 0,
                startTime, stageStart, null, now, lastCheck, revision);
    }

    Rollout withRevision(int next) {
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, status, currentStage,
                currentPercentage, startTime, stageStartedAt, pausedAt, endedAt, lastCheck, next);
    }

    Rollout checked(LastCheck check) {
        return new Rollout(rolloutId, deploymentName, newVersion, stableVersion, plan, status, currentStage,
                currentPercentage, startTime, stageStartedAt, pausedAt, endedAt, check, revision);
    }
}
