package io.promptdesk.engine.rollback;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackControllerTest {
    @TempDir
    Path dir;
    private RollbackFixture f;

    @BeforeEach
    void setUp() {
        f = new RollbackFixture(dir, openStore(dir));
    }

    /** The store the tests run on: the embedded SQLite file; the team store's contract test overrides it. */
    io.promptdesk.store.Database openStore(Path dir) {
        return io.promptdesk.store.Database.open(io.promptdesk.store.Workspace.databaseFile(dir));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void rollbackPicksPreviousStableVersion() {
        f.promoted("hooks");
        assertThat(f.status("hooks", "1.0")).isEqualTo(VersionStatus.DEPRECATED);
        RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "error spike", "ana", false);
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.toVersion()).isEqualTo("1.0");
        assertThat(r.fromVersion()).isEqualTo("1.1");
        assertThat(r.slaMet()).isTrue();
        assertThat(r.error()).isNull();
        assertThat(r.triggeredBy()).isEqualTo("ana");
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(f.plainRegistry.resolve("hooks", ModelRegistry.PREVIOUS)).get()
                .extracting(v -> v.version()).isEqualTo("1.1");
        assertThat(f.status("hooks", "1.1")).isEqualTo(VersionStatus.FAILED);
        assertThat(f.status("hooks", "1.0")).isEqualTo(VersionStatus.STABLE);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
    }

    @Test
    void everyStepIsRecordedBeforeItIsActedOn() {
        f.promoted("hooks");
        List<String> heard = new ArrayList<>();
        RollbackController c = f.controller();
        RollbackOutcome o = c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                new RollbackListener() {
                    @Override
                    public void onStep(StepRecord step) {
                        heard.add(step.step().key() + " " + step.state().key());
                        if (step.step() == RollbackStep.SWITCH && step.state() == StepState.STARTED) {
                            // The switch is recorded as started while production is still the bad version.
                            assertThat(f.production("hooks")).isEqualTo("1.1");
                        }
                    }
                });
        List<String> expected = List.of("validate started", "validate done", "pre_health started", "pre_health done",
                "switch started", "switch done", "post_health started", "post_health done", "result done");
        assertThat(heard).isEqualTo(expected);
        List<StepRecord> stored = c.steps(o.result().rollbackId());
        assertThat(stored).extracting(s -> s.step().key() + " " + s.state().key()).isEqualTo(expected);
        assertThat(stored).extracting(StepRecord::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(stored.get(5).detail()).contains("production 1.1 -> 1.0");
    }

    @Test
    void resultJsonHasExactlyTheSpecsKeys() throws Exception {
        f.promoted("hooks");
        RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "spike", "ana", false);
        JsonNode json = Json.mapper().readTree(Json.write(r));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rollback_id", "model_name", "from_version", "to_version", "start_time",
                "end_time", "duration_seconds", "status", "health_check_results", "reason", "triggered_by", "sla_met",
                "error");
        List<String> health = new ArrayList<>();
        json.get("health_check_results").fieldNames().forEachRemaining(health::add);
        assertThat(health).containsExactly("pre_rollback", "post_rollback");
        assertThat(json.get("status").asText()).isEqualTo("success");
        assertThat(json.get("start_time").asText()).isEqualTo("2025-03-01T10:01:00Z");
        assertThat(json.get("duration_seconds").isNumber()).isTrue();
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(json.get("health_check_results").get("pre_rollback").get("version").asText()).isEqualTo("1.1");
        assertThat(json.get("health_check_results").get("pre_rollback").get("state").asText()).isEqualTo("healthy");
    }

    @Test
    void rollingBackACanaryFailsItsRolloutAndSendsItNoTraffic() {
        GradualRolloutManager m = f.canary("hooks");
        f.sim.injectFault("hooks", "1.1", 3, 0.3);
        f.serve(Duration.ofMinutes(1));
        RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "canary errors", "ana", false);
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.toVersion()).isEqualTo("1.0");
        assertThat(r.healthCheckResults().preRollback().state()).isEqualTo(HealthState.UNHEALTHY);
        assertThat(r.healthCheckResults().postRollback().state()).isEqualTo(HealthState.HEALTHY);
        Rollout rollout = m.status();
        assertThat(rollout.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(rollout.currentPercentage()).isZero();
        assertThat(m.events().get(m.events().size() - 1).kind()).isEqualTo(RolloutEventKind.FAILED);
        assertThat(m.events().get(m.events().size() - 1).reason()).contains(r.rollbackId());
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
        assertThat(f.plainRegistry.resolve("hooks", ModelRegistry.CANARY)).isEmpty();
        assertThat(f.status("hooks", "1.1")).isEqualTo(VersionStatus.FAILED);
        // A driver that re-applies the stopped rollout's effects keeps the canary failed and traffic on 1.0.
        m.recover();
        assertThat(f.status("hooks", "1.1")).isEqualTo(VersionStatus.FAILED);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
    }

    @Test
    void rollingBackProductionStopsAnUnrelatedRolloutAndReturnsItsVersionToCandidate() {
        f.promoted("hooks");
        f.register("hooks", "1.2", VersionStatus.CANDIDATE);
        GradualRolloutManager m = new GradualRolloutManager("hooks", new io.promptdesk.engine.rollout.RolloutEnvironment(
                f.rollouts, f.plainRegistry, f.sim, new io.promptdesk.engine.rollout.RegressionHealthComparator(),
                f.sim::route, f.clock, null), io.promptdesk.engine.rollout.RolloutSettings.defaults("ana"));
        m.startRollout("1.2", null, null, null);
        RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "1.1 leaks", "ana", false);
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(m.status().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(f.status("hooks", "1.2")).isEqualTo(VersionStatus.CANDIDATE);
        assertThat(f.production("hooks")).isEqualTo("1.0");
        m.recover();
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
    }

    @Test
    void previousStableSkipsFailedVersions() {
        f.promoted("hooks");
        f.register("hooks", "1.2", VersionStatus.STABLE);
        f.plainRegistry.setStatus("hooks", "1.1", VersionStatus.FAILED, RollbackFixture.ANA);
        RollbackController c = f.controller();
        assertThat(c.previousStableVersion("hooks", "1.2")).hasValue("1.0");
        assertThat(c.validTargets("hooks", "1.2")).containsExactly("1.0");
        assertThat(c.triggerRollback("hooks", "1.2", null, null, null, false).toVersion()).isEqualTo("1.0");
    }

    @Test
    void anExplicitTargetIsUsedAndAnOlderRetiredVersionServesAgain() {
        f.promoted("hooks");
        f.register("hooks", "1.2", VersionStatus.STABLE);
        RollbackController c = f.controller();
        assertThat(c.previousStableVersion("hooks", "1.2")).hasValue("1.1");
        assertThat(c.validTargets("hooks", "1.2")).containsExactly("1.1", "1.0");
        RollbackResult r = c.triggerRollback("hooks", "1.2", "1.0", "back to the old one", "ana", false);
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(f.status("hooks", "1.0")).isEqualTo(VersionStatus.STABLE);
        assertThat(f.status("hooks", "1.1")).isEqualTo(VersionStatus.DEPRECATED);
    }

    @Test
    void theSameTriggerAgainReturnsTheSameRollbackAndChangesNothing() {
        f.promoted("hooks");
        RollbackController c = f.controller();
        RollbackOutcome first = c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                RollbackListener.NONE);
        int events = f.registryEvents("hooks");
        RollbackOutcome again = c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "bob", false),
                RollbackListener.NONE);
        assertThat(first.origin()).isEqualTo(RollbackOutcome.Origin.STARTED);
        assertThat(again.joined()).isTrue();
        assertThat(again.result().rollbackId()).isEqualTo(first.result().rollbackId());
        assertThat(f.registryEvents("hooks")).isEqualTo(events);
        assertThat(c.getRollbackHistory("hooks", 10, true)).hasSize(1);
        // A fresh controller (another window, another process) agrees.
        assertThat(f.controller().triggerRollback("hooks", "1.1", null, null, null, false).rollbackId())
                .isEqualTo(first.result().rollbackId());
    }

    @Test
    void historyListsMostRecentFirstWithOrWithoutMetrics() {
        f.promoted("hooks");
        RollbackController c = f.controller();
        RollbackResult first = c.triggerRollback("hooks", "1.1", null, "one", "ana", false);
        f.register("hooks", "1.2", VersionStatus.STABLE);
        f.serve(Duration.ofSeconds(5));
        RollbackResult second = c.triggerRollback("hooks", "1.2", null, "two", "bob", false);
        assertThat(second.toVersion()).isEqualTo("1.0");
        List<RollbackResult> history = c.getRollbackHistory("hooks", 10, true);
        assertThat(history).extracting(RollbackResult::rollbackId).containsExactly(second.rollbackId(),
                first.rollbackId());
        assertThat(history.get(0).healthCheckResults().preRollback()).isNotNull();
        assertThat(c.getRollbackHistory("hooks", 1, false)).singleElement().satisfies(h -> {
            assertThat(h.rollbackId()).isEqualTo(second.rollbackId());
            assertThat(h.healthCheckResults().preRollback()).isNull();
            assertThat(h.healthCheckResults().postRollback()).isNull();
        });
    }

    @Test
    void postRollbackHealthIsWatchedOnTheClock() {
        f.promoted("hooks");
        RollbackController c = f.controller();
        c.triggerRollback("hooks", "1.1", null, "spike", "ana", false);
        List<HealthSnapshot> heard = new ArrayList<>();
        PostRollbackHealth h = c.monitorPostRollbackHealth("hooks", 60, 10, heard::add).join();
        assertThat(heard).hasSize(7);
        assertThat(heard).extracting(s -> s.at().toString()).containsExactly("2025-03-01T10:01:00Z",
                "2025-03-01T10:01:10Z", "2025-03-01T10:01:20Z", "2025-03-01T10:01:30Z", "2025-03-01T10:01:40Z",
                "2025-03-01T10:01:50Z", "2025-03-01T10:02:00Z");
        assertThat(heard).allSatisfy(s -> assertThat(s.version()).isEqualTo("1.0"));
        assertThat(heard.get(heard.size() - 1).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(h.checks()).isEqualTo(7);
        assertThat(h.state()).isEqualTo(HealthState.HEALTHY);
        assertThat(h.snapshots()).isEqualTo(heard);
    }

    @Test
    void unreadableMetricsDoNotHoldUpTheRollback() {
        f.promoted("hooks");
        f.withMetrics((deployment, version, metric, from, to) -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("prometheus: connection refused"));
        });
        RollbackResult r = f.controller().triggerRollback("hooks", "1.1", null, "spike", "ana", false);
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.healthCheckResults().preRollback().state()).isEqualTo(HealthState.NO_DATA);
        assertThat(r.healthCheckResults().preRollback().summary()).contains("metrics unavailable")
                .contains("connection refused");
        assertThat(f.production("hooks")).isEqualTo("1.0");
    }
}
