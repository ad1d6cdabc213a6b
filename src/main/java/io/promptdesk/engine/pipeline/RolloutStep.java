package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.rollback.RollbackException;
import io.promptdesk.engine.rollback.RollbackListener;
import io.promptdesk.engine.rollback.RollbackRequest;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollback.RollbackTimeoutException;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.registry.Attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rollout and rollback steps of one run: starts the rollout, and in wait mode drives it tick by tick until it
 * completes, turns unhealthy (then the rollback controller puts the previous version back), stops otherwise, or
 * the wait limit passes.
 */
final class RolloutStep {
    private final PipelineEnvironment env;
    private final PipelineConfig config;
    private final PipelineRun run;
    private final GradualRolloutManager manager;

    RolloutStep(PipelineEnvironment env, PipelineConfig config, PipelineRun run) {
        this.env = env;
        this.config = config;
        this.run = run;
        this.manager = env.rolloutManagers().apply(run.deployment);
    }

    PipelineReport execute() {
        run.start(PipelineStep.ROLLOUT);
        try {
            run.rollout = manager.startRollout(run.version, config.plan(), Attribution.of(config.actor(),
                    "pipeline " + run.id));
        } catch (RolloutException e) {
            throw fail(e.getMessage());
        }
        if (!config.waitForRollout()) {
            run.rolloutEvents = manager.events();
            run.end(PipelineStep.ROLLOUT, StepStatus.STARTED, "started at " + run.rollout.currentPercentage()
                    + "% of traffic (stages " + run.rollout.stages() + "); not waiting");
            run.skip(PipelineStep.ROLLBACK, "not waiting for the rollout");
            return run.report(PipelineStatus.ROLLING_OUT, null, "rollout " + run.rollout.rolloutId()
                    + " started; follow it with promptdesk rollout watch --deployment " + run.deployment);
        }
        Rollout r = drive();
        run.rollout = RolloutView.of(r);
        run.rolloutEvents = manager.events();
        if (r.status() == RolloutStatus.COMPLETED) {
            run.end(PipelineStep.ROLLOUT, StepStatus.PASSED, "completed: 100% of traffic after stages "
                    + r.plan().stages());
            run.skip(PipelineStep.ROLLBACK, "not needed");
            return run.report(PipelineStatus.DEPLOYED, null, run.deployment + " " + run.version + " serves production");
        }
        if (unhealthy(r) && config.autoRollback()) {
            String why = "health check failed at " + r.currentPercentage() + "%: " + lastExplanation();
            run.end(PipelineStep.ROLLOUT, StepStatus.FAILED, why);
            return rollBack(why);
        }
        String why = switch (r.status()) {
            case PAUSED -> unhealthy(r) ? "paused at " + r.currentPercentage() + "% by an unhealthy check ("
                    + lastExplanation() + "); automatic rollback is off: a person decides"
                    : "paused at " + r.currentPercentage() + "% by an operator";
            case FAILED -> "the rollout's policy rolled it back at " + r.currentPercentage() + "%: " + lastExplanation();
            case ROLLED_BACK -> "an operator aborted the rollout at " + r.currentPercentage() + "%";
            default -> "still at " + r.currentPercentage() + "% after waiting " + human(config.rolloutWaitLimit())
                    + "; it goes on: follow it with promptdesk rollout watch --deployment " + run.deployment;
        };
        throw fail(why);
    }

    /** Ticks until the rollout ends, pauses on an unhealthy check, or the wait limit passes. */
    private Rollout drive() {
        Duration limit = env.rolloutSettings().onClock(config.rolloutWaitLimit());
        Instant giveUpAt = env.clock().instant().plus(limit);
        Duration pace = pace();
        while (true) {
            Rollout r = manager.tick().orElseThrow();
            run.listener().onRollout(RolloutView.of(r));
            boolean stopped = !r.status().active() || (r.status() == RolloutStatus.PAUSED && unhealthy(r));
            if (stopped || !env.clock().instant().isBefore(giveUpAt)) {
                return r;
            }
            try {
                env.pacer().await(pace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PromptDeskException("interrupted while waiting for rollout " + r.rolloutId() + "; it goes "
                        + "on: follow it with promptdesk rollout watch --deployment " + run.deployment, e);
            }
        }
    }

    /** A fifth of a check interval on the clock: checks run on time without spinning. */
    private Duration pace() {
        Duration interval = env.rolloutSettings().onClock(config.plan().healthCheckInterval());
        return Duration.ofMillis(Math.max(5, interval.toMillis() / 5));
    }

    private PipelineReport rollBack(String why) {
        run.start(PipelineStep.ROLLBACK);
        RollbackResult result;
        try {
            result = env.rollback().trigger(new RollbackRequest(run.deployment, run.version, null,
                    "Health check failed during rollout (pipeline " + run.id + "): " + why, config.actor(), false),
                    RollbackListener.NONE).result();
        } catch (RollbackTimeoutException e) {
            result = e.result();
        } catch (RollbackException e) {
            run.end(PipelineStep.ROLLBACK, StepStatus.FAILED, e.getMessage());
            String message = "Deployment failed and the automatic rollback was refused: " + e.getMessage()
                    + "; manual intervention required";
            throw new PipelineRollbackException(message, run.report(PipelineStatus.FAILED, PipelineStep.ROLLBACK,
                    message), e);
        }
        run.rollback = result;
        run.rolloutEvents = manager.events();
        run.rollout = manager.getRolloutStatus();
        if (result != null && result.status() == RollbackStatus.SUCCESS) {
            run.end(PipelineStep.ROLLBACK, StepStatus.PASSED, "rolled back " + result.fromVersion() + " -> "
                    + result.toVersion() + " in " + result.durationSeconds() + " s (SLA met: " + result.slaMet() + ")");
            String message = "Deployment failed, rolled back to " + result.toVersion() + ": " + why;
            throw new PipelineRolloutException(message, run.report(PipelineStatus.ROLLED_BACK, PipelineStep.ROLLOUT,
                    message));
        }
        String what = result == null ? "not recorded" : result.status().key() + ": " + result.error();
        run.end(PipelineStep.ROLLBACK, StepStatus.FAILED, what);
        String message = "Critical: the automatic rollback did not succeed (" + what + "); manual intervention "
                + "required";
        throw new PipelineRollbackException(message, run.report(PipelineStatus.FAILED, PipelineStep.ROLLBACK,
                message), null);
    }

    private PipelineRolloutException fail(String why) {
        // Only a rollout this run started belongs in its report (not another run's that blocked the start).
        if (run.rollout != null) {
            run.rolloutEvents = manager.events();
            run.rollout = manager.getRolloutStatus();
        }
        run.end(PipelineStep.ROLLOUT, StepStatus.FAILED, why);
        return new PipelineRolloutException(why, run.report(PipelineStatus.FAILED, PipelineStep.ROLLOUT, why));
    }

    private static boolean unhealthy(Rollout r) {
        return r.lastCheck() != null && r.lastCheck().outcome() == HealthOutcome.UNHEALTHY;
    }

    private String lastExplanation() {
        List<HealthCheck> checks = manager.healthChecks();
        return checks.isEmpty() ? "no health check recorded" : checks.get(checks.size() - 1).explanation();
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
