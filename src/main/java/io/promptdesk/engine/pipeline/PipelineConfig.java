package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.engine.testing.TestRequest;
import io.promptdesk.engine.validation.RuleSettings;
import io.promptdesk.engine.validation.Rules;
import io.promptdesk.model.BadInputException;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every step of a pipeline run, configured.
 *
 * @param deployment      the model (deployment) the version belongs to
 * @param cases           the test cases
 * @param rules           rule names or {@code all}
 * @param ruleSettings    the rules' lengths, unit and word lists
 * @param testTimeout     the whole test run's time limit
 * @param thresholds      limits on {@code performance_metrics}
 * @param regression      the regression gate
 * @param register        register the version in the registry (a candidate; production at once for the model's
 *                        first version). Off: the version must already be registered as a candidate
 * @param plan            the rollout's stages, metrics, timing and unhealthy policy
 * @param autoRollback    an unhealthy stage is rolled back through the rollback controller (the plan's policy is
 *                        then {@code pause}, so the controller, not the rollout manager, moves the traffic back)
 * @param waitForRollout  drive the rollout to its end; false starts it and returns (the console or
 *                        {@code rollout watch} follows it)
 * @param maxRolloutTime  in wait mode, give up waiting after this much rollout time (plan time, before any time
 *                        scale); null: four times the plan's total stage time
 * @param actor           who the run acts as in the registry, rollout and audit records
 */
public record PipelineConfig(String deployment, List<Map<String, Object>> cases, List<String> rules,
                             RuleSettings ruleSettings, Duration testTimeout, Map<String, Double> thresholds,
                             RegressionGate regression, boolean register, RolloutPlan plan, boolean autoRollback,
                             boolean waitForRollout, Duration maxRolloutTime, String actor) {

    public PipelineConfig {
        if (deployment == null || deployment.isBlank()) {
            throw new BadInputException("the pipeline needs a deployment name");
        }
        if (cases == null || cases.isEmpty()) {
            throw new BadInputException("the pipeline needs at least one test case");
        }
        cases = List.copyOf(cases);
        rules = Rules.normalize(rules);
        ruleSettings = ruleSettings == null ? RuleSettings.defaults() : ruleSettings;
        testTimeout = testTimeout == null ? TestRequest.DEFAULT_TIMEOUT : testTimeout;
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        regression = regression == null ? RegressionGate.defaults() : regression;
        plan = plan == null ? defaultPlan() : plan;
        if (autoRollback && plan.onUnhealthy() != UnhealthyPolicy.PAUSE) {
            plan = new RolloutPlan(plan.stages(), plan.healthMetrics(), plan.thresholds(), plan.stageDuration(),
                    plan.healthCheckInterval(), UnhealthyPolicy.PAUSE);
        }
        if (maxRolloutTime != null && (maxRolloutTime.isNegative() || maxRolloutTime.isZero())) {
            throw new BadInputException("the longest rollout wait must be positive, got " + maxRolloutTime);
        }
        if (actor == null || actor.isBlank()) {
            throw new BadInputException("the pipeline needs the name of who runs it");
        }
    }

    /** The spec's example: all rules, the regression gate on production's run, stages 10-25-50-100, rollback on. */
    public static PipelineConfig defaults(String deployment, List<Map<String, Object>> cases, String actor) {
        return new PipelineConfig(deployment, cases, List.of(Rules.ALL), null, null, null, null, true, null, true,
                true, null, actor);
    }

    public static RolloutPlan defaultPlan() {
        return RolloutPlan.of(null, null, null, null, null, null, UnhealthyPolicy.PAUSE);
    }

    /** How long wait mode waits for the rollout, in plan time. */
    public Duration rolloutWaitLimit() {
        return maxRolloutTime != null ? maxRolloutTime : plan.stageDuration().multipliedBy(4L * plan.stages().size());
    }

    public PipelineConfig withRegression(RegressionGate gate) {
        return new PipelineConfig(deployment, cases, rules, ruleSettings, testTimeout, thresholds, gate, register,
                plan, autoRollback, waitForRollout, maxRolloutTime, actor);
    }

    public PipelineConfig withPlan(RolloutPlan p) {
        return new PipelineConfig(deployment, cases, rules, ruleSettings, testTimeout, thresholds, regression,
                register, p, autoRollback, waitForRollout, maxRolloutTime, actor);
    }

    public PipelineConfig withWait(boolean wait) {
        return new PipelineConfig(deployment, cases, rules, ruleSettings, testTimeout, thresholds, regression,
                register, plan, autoRollback, wait, maxRolloutTime, actor);
    }

    public PipelineConfig withAutoRollback(boolean on) {
        return new PipelineConfig(deployment, cases, rules, ruleSettings, testTimeout, thresholds, regression,
                register, plan, on, waitForRollout, maxRolloutTime, actor);
    }
}
