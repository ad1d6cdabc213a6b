package io.promptdesk.engine.pipeline;

import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.RolloutView;
import io.promptdesk.json.Json;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.stats.RegressionDetectedException;
import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CicdPipelineTest {
    @TempDir
    Path dir;
    PipelineFixture f;

    @BeforeEach
    void open() {
        f = new PipelineFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void firstVersionBecomesProductionWithoutRollout() {
        PipelineReport r = f.firstVersion();

        assertThat(r.status()).isEqualTo(PipelineStatus.DEPLOYED);
        assertThat(r.registerVersion().production()).isTrue();
        assertThat(r.step(PipelineStep.DETECT_REGRESSION).orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(r.step(PipelineStep.ROLLOUT).orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(f.production()).isEqualTo("1.0");
        assertThat(f.registry.get(PipelineFixture.MODEL, "1.0").testReport()).contains("test_case_results");
    }

    @Test
    void healthyVersionIsGatedAgainstProductionAndRolledOutToAllTraffic() {
        f.firstVersion();
        List<RolloutView> seen = new ArrayList<>();
        PipelineListener listener = new PipelineListener() {
            @Override
            public void onRollout(RolloutView rollout) {
                seen.add(rollout);
            }
        };

        PipelineReport r = f.pipeline(1, f.config()).deployNewPrompt(PipelineFixture.TEMPLATE + " Keep it brief.",
                "1.1", listener, () -> false);

        assertThat(r.status()).isEqualTo(PipelineStatus.DEPLOYED);
        assertThat(r.steps()).extracting(StepResult::step, StepResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PipelineStep.RUN_TESTS, StepStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(PipelineStep.DETECT_REGRESSION, StepStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(PipelineStep.REGISTER_VERSION, StepStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(PipelineStep.ROLLOUT, StepStatus.PASSED),
                org.assertj.core.groups.Tuple.tuple(PipelineStep.ROLLBACK, StepStatus.SKIPPED));
        assertThat(r.baselineMs()).hasSize(PipelineFixture.CASES.size());
        assertThat(r.detectRegression().regressionDetected()).isFalse();
        assertThat(r.rollout().status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(r.rolloutEvents()).extracting(e -> e.toPercentage()).containsSubsequence(10, 50, 100);
        assertThat(seen).extracting(RolloutView::currentPercentage).contains(10, 50, 100);
        assertThat(f.production()).isEqualTo("1.1");
    }

    @Test
    void everyStepIsAppendedToTheAuditLog() {
        f.firstVersion();
        PipelineReport r = f.pipeline(1, f.config()).deployNewPrompt(PipelineFixture.TEMPLATE + " Be brief.", "1.1");

        List<AuditEntry> entries = f.audit.entries(PipelineFixture.MODEL, 500).stream()
                .filter(e -> r.pipelineId().equals(e.subjectId())).toList();
        assertThat(entries).extracting(AuditEntry::action).containsExactlyInAnyOrder("pipeline_run_tests",
                "pipeline_detect_regression", "pipeline_register_version", "pipeline_rollout", "pipeline_rollback");
        assertThat(f.audit.verify().intact()).isTrue();
    }

    @Test
    void failingTestsRaisePromptValidationWithTheReportAndRegisterNothing() {
        List<Map<String, Object>> cases = new ArrayList<>(PipelineFixture.CASES);
        cases.add(Map.of("product", "x'; DROP TABLE users; --", "tone", "plain"));
        PipelineConfig config = PipelineConfig.defaults(PipelineFixture.MODEL, cases, "ci");

        PipelineValidationException e = catchThrowableOfType(() -> f.pipeline(1, config)
                .deployNewPrompt(PipelineFixture.TEMPLATE, "1.0"), PipelineValidationException.class);

        assertThat(e).isInstanceOf(PromptValidationException.class).hasMessageStartingWith("Tests failed: ");
        assertThat(e.report().failedStep()).isEqualTo(PipelineStep.RUN_TESTS);
        assertThat(e.report().runTests().failedTests()).isEqualTo(1);
        assertThat(e.report().steps()).hasSize(1);
        assertThat(f.registry.models()).isEmpty();
    }

    @Test
    void slowerTemplateRaisesRegressionDetectedAndIsNotRegistered() {
        f.firstVersion();

        PipelineRegressionException e = catchThrowableOfType(() -> f.pipeline(4, f.config())
                .deployNewPrompt(PipelineFixture.TEMPLATE + " Slowly.", "1.1"), PipelineRegressionException.class);

        assertThat(e).isInstanceOf(RegressionDetectedException.class);
        assertThat(e.report().failedStep()).isEqualTo(PipelineStep.DETECT_REGRESSION);
        assertThat(e.result().regressionDetected()).isTrue();
        assertThat(java.util.Arrays.stream(e.report().currentMs()).min().orElseThrow()).isGreaterThanOrEqualTo(4.0);
        assertThat(f.registry.find(PipelineFixture.MODEL, "1.1")).isEmpty();
    }

    @Test
    void baselineFromFixedValuesGatesTheFirstVersionToo() {
        PipelineConfig config = f.config().withRegression(RegressionGate.defaults()
                .withBaseline(Baseline.of("baseline.json", 0.5, 0.6, 0.55, 0.5, 0.65, 0.6, 0.5, 0.55)));

        PipelineRegressionException e = catchThrowableOfType(() -> f.pipeline(1, config)
                .deployNewPrompt(PipelineFixture.TEMPLATE, "1.0"), PipelineRegressionException.class);

        assertThat(e.report().baselineSource()).isEqualTo("baseline.json");
        assertThat(e.report().detectRegression().metricName()).isEqualTo(RegressionGate.METRIC);
    }

    @Test
    void unhealthyStageIsRolledBackAutomatically() {
        f.firstVersion();
        PipelineListener faulty = new PipelineListener() {
            @Override
            public void onRollout(RolloutView rollout) {
                f.sim.injectFault(PipelineFixture.MODEL, "1.1", 3, 0.08);
            }
        };

        PipelineRolloutException e = catchThrowableOfType(() -> f.pipeline(1, f.config()).deployNewPrompt(
                PipelineFixture.TEMPLATE + " Now.", "1.1", faulty, () -> false), PipelineRolloutException.class);

        assertThat(e).isInstanceOf(RolloutException.class).hasMessageStartingWith("Deployment failed, rolled back");
        PipelineReport r = e.report();
        assertThat(r.status()).isEqualTo(PipelineStatus.ROLLED_BACK);
        assertThat(r.failedStep()).isEqualTo(PipelineStep.ROLLOUT);
        assertThat(r.rollback().status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.rollback().toVersion()).isEqualTo("1.0");
        assertThat(r.rollback().slaMet()).isTrue();
        assertThat(r.rollout().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(f.production()).isEqualTo("1.0");
        assertThat(f.registry.get(PipelineFixture.MODEL, "1.1").status()).isEqualTo(VersionStatus.FAILED);
    }

    @Test
    void aRollbackThatCannotSwitchRaisesRollbackTimeoutForAPerson() {
        f.firstVersion();
        f.rollbackRegistryDown = true;
        PipelineListener faulty = new PipelineListener() {
            @Override
            public void onRollout(RolloutView rollout) {
                f.sim.injectFault(PipelineFixture.MODEL, "1.1", 3, 0.08);
            }
        };

        PipelineRollbackException e = catchThrowableOfType(() -> f.pipeline(1, f.config()).deployNewPrompt(
                PipelineFixture.TEMPLATE + " Now.", "1.1", faulty, () -> false), PipelineRollbackException.class);

        assertThat(e).isInstanceOf(io.promptdesk.engine.rollback.RollbackTimeoutException.class)
                .hasMessageContaining("manual intervention required");
        assertThat(e.report().failedStep()).isEqualTo(PipelineStep.ROLLBACK);
        assertThat(e.report().rollback().status()).isEqualTo(RollbackStatus.FAILED);
        assertThat(e.result()).isEqualTo(e.report().rollback());
        assertThat(f.production()).isEqualTo("1.0");
    }

    @Test
    void withoutAutomaticRollbackAnUnhealthyStagePausesAndFails() {
        f.firstVersion();
        PipelineListener faulty = new PipelineListener() {
            @Override
            public void onRollout(RolloutView rollout) {
                f.sim.injectFault(PipelineFixture.MODEL, "1.1", 3, 0.08);
            }
        };

        PipelineRolloutException e = catchThrowableOfType(() -> f.pipeline(1, f.config().withAutoRollback(false))
                .deployNewPrompt(PipelineFixture.TEMPLATE + " Now.", "1.1", faulty, () -> false),
                PipelineRolloutException.class);

        assertThat(e.report().rollback()).isNull();
        assertThat(e.report().rollout().status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(e).hasMessageContaining("automatic rollback is off");
    }

    @Test
    void noWaitStartsTheRolloutAndReturns() {
        f.firstVersion();

        PipelineReport r = f.pipeline(1, f.config().withWait(false)).deployNewPrompt(PipelineFixture.TEMPLATE + " Go.",
                "1.1");

        assertThat(r.status()).isEqualTo(PipelineStatus.ROLLING_OUT);
        assertThat(r.step(PipelineStep.ROLLOUT).orElseThrow().status()).isEqualTo(StepStatus.STARTED);
        assertThat(r.rollout().status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(r.rollout().currentPercentage()).isEqualTo(10);
        assertThat(f.production()).isEqualTo("1.0");
    }

    @Test
    void aRolloutAlreadyRunningBlocksTheNextVersionWithoutReportingItAsThisRunsOwn() {
        f.firstVersion();
        f.pipeline(1, f.config().withWait(false)).deployNewPrompt(PipelineFixture.TEMPLATE + " Go.", "1.1");

        PipelineRolloutException e = catchThrowableOfType(() -> f.pipeline(1, f.config().withWait(false))
                .deployNewPrompt(PipelineFixture.TEMPLATE + " Again.", "1.2"), PipelineRolloutException.class);

        assertThat(e.report().failedStep()).isEqualTo(PipelineStep.ROLLOUT);
        assertThat(e).hasMessageContaining("already has rollout");
        assertThat(e.report().rollout()).isNull();
        assertThat(e.report().rolloutEvents()).isEmpty();
    }

    @Test
    void gatesOnlyTestsAndGatesWithoutRegisteringAnything() {
        f.firstVersion();

        PipelineReport r = f.pipeline(1, f.config()).runGates(PipelineFixture.TEMPLATE + " PR.", "pr-7",
                PipelineListener.NONE, () -> false);

        assertThat(r.status()).isEqualTo(PipelineStatus.GATES_PASSED);
        assertThat(r.step(PipelineStep.DETECT_REGRESSION).orElseThrow().status()).isEqualTo(StepStatus.PASSED);
        assertThat(r.step(PipelineStep.ROLLOUT).orElseThrow().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(f.registry.find(PipelineFixture.MODEL, "pr-7")).isEmpty();
    }

    @Test
    void reportJsonCarriesEverySpecDictionary() throws Exception {
        f.firstVersion();
        PipelineReport r = f.pipeline(1, f.config()).deployNewPrompt(PipelineFixture.TEMPLATE + " Fine.", "1.1");

        var json = Json.mapper().readTree(Json.write(r));

        assertThat(json.path("run_tests").path("test_case_results")).hasSize(PipelineFixture.CASES.size());
        assertThat(json.path("detect_regression").has("regression_detected")).isTrue();
        assertThat(json.path("rollout").path("status").asText()).isEqualTo("completed");
        assertThat(json.path("steps").get(0).path("step").asText()).isEqualTo("run_tests");
        assertThat(json.path("status").asText()).isEqualTo("deployed");
    }

    @Test
    void anExistingVersionWithAnotherTemplateFailsRegistration() {
        f.firstVersion();

        PipelineRolloutException e = catchThrowableOfType(() -> f.pipeline(1, f.config())
                .deployNewPrompt(PipelineFixture.TEMPLATE + " Other.", "1.0"), PipelineRolloutException.class);

        assertThat(e.report().failedStep()).isEqualTo(PipelineStep.REGISTER_VERSION);
        assertThat(e).hasMessageContaining("give the change a new version name");
    }
}
