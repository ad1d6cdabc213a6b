package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.promptdesk.engine.rollout.RolloutFixture.ANA;
import static io.promptdesk.engine.rollout.RolloutFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

class GradualRolloutManagerTest {
    private static final Duration STEP = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private RolloutFixture f;
    private GradualRolloutManager m;

    /** The fixture on the store the tests run on: the embedded file; the team store's subclass overrides it. */
    RolloutFixture fixture(long seed) {
        return new RolloutFixture(dir, seed, 200);
    }

    @BeforeEach
    void setUp() {
        f = fixture(11).deployment("hooks");
        m = f.manager("hooks");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void startReturnsTheSpecsKeysExactly() throws Exception {
        RolloutView v = m.startRollout("1.1", 5, List.of(5, 10, 25, 50, 75, 100),
                List.of("error_rate", "latency_p95", "engagement_rate"));
        JsonNode json = Json.mapper().readTree(Json.write(v));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rollout_id", "deployment_name", "new_version", "current_stage",
                "current_percentage", "stages", "start_time", "status", "health_status");
        List<String> health = new ArrayList<>();
        json.get("health_status").fieldNames().forEachRemaining(health::add);
        assertThat(health).containsExactly("healthy", "metrics", "last_check");
        assertThat(json.get("deployment_name").asText()).isEqualTo("hooks");
        assertThat(json.get("current_percentage").asInt()).isEqualTo(5);
        assertThat(json.get("current_stage").asInt()).isZero();
        assertThat(json.get("status").asText()).isEqualTo("in_progress");
        assertThat(json.get("start_time").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(json.get("stages").toString()).isEqualTo("[5,10,25,50,75,100]");
        assertThat(json.get("health_status").get("last_check").isNull()).isTrue();
    }

    @Test
    void aHealthyCanaryWalksEveryStageAndBecomesProduction() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.ROLLBACK), ANA);
        assertThat(f.registry.resolve("hooks", ModelRegistry.CANARY)).get().extracting(ModelVersion::version)
                .isEqualTo("1.1");
        assertThat(f.sim.split("hooks")).hasValue(new TrafficSplit("1.0", "1.1", 10));
        f.run(m, Duration.ofMinutes(16), STEP);
        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(r.currentPercentage()).isEqualTo(100);
        assertThat(r.currentStage()).isEqualTo(3);
        assertThat(m.events()).extracting(e -> e.kind() + " " + e.toPercentage())
                .containsExactly("STARTED 10", "ADVANCED 25", "ADVANCED 50", "COMPLETED 100");
        // Each stage lasted its five minutes.
        assertThat(m.events()).extracting(RolloutEvent::at).containsExactly(T0, T0.plusSeconds(300),
                T0.plusSeconds(600), T0.plusSeconds(900));
        assertThat(m.events().get(1).actor()).isEqualTo(RolloutSettings.SYSTEM_ACTOR);
        assertThat(m.events().get(1).reason()).isEqualTo("stage 10% healthy for 5 min");
        assertThat(m.healthChecks()).hasSize(30).allSatisfy(c -> assertThat(c.outcome()).isEqualTo(HealthOutcome.HEALTHY));
        assertThat(f.registry.resolve("hooks", ModelRegistry.PRODUCTION).orElseThrow().version()).isEqualTo("1.1");
        assertThat(f.registry.resolve("hooks", ModelRegistry.PREVIOUS).orElseThrow().version()).isEqualTo("1.0");
        assertThat(f.registry.resolve("hooks", ModelRegistry.CANARY)).isEmpty();
        assertThat(f.registry.get("hooks", "1.1").status()).isEqualTo(VersionStatus.STABLE);
        assertThat(f.registry.get("hooks", "1.0").status()).isEqualTo(VersionStatus.DEPRECATED);
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.1"));
        RolloutView v = m.getRolloutStatus();
        assertThat(v.healthStatus().healthy()).isTrue();
        assertThat(v.healthStatus().metrics()).containsOnlyKeys("error_rate", "latency_p95", "engagement_rate");
        assertThat(v.healthStatus().metrics().get("latency_p95")).isBetween(0.4, 0.6);
    }

    @Test
    void anInjectedFaultPausesTheRolloutNamingTheFailingMetrics() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.run(m, Duration.ofMinutes(2), STEP);
        f.sim.injectFault("hooks", "1.1", 3, 0.08);
        f.run(m, Duration.ofMinutes(2), STEP);
        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(r.currentPercentage()).isEqualTo(10);
        RolloutEvent paused = m.events().get(m.events().size() - 1);
        assertThat(paused.kind()).isEqualTo(RolloutEventKind.PAUSED);
        assertThat(paused.actor()).isEqualTo(RolloutSettings.SYSTEM_ACTOR);
        assertThat(paused.reason()).startsWith("health check failed: ").contains("latency_p95: increased");
        HealthCheck failing = m.healthChecks().get(m.healthChecks().size() - 1);
        assertThat(failing.outcome()).isEqualTo(HealthOutcome.UNHEALTHY);
        assertThat(failing.verdicts()).filteredOn(v -> v.metric() == Metric.LATENCY_P95)
                .singleElement().satisfies(v -> {
                    assertThat(v.canaryValue()).isGreaterThan(1.5 * v.stableValue());
                    assertThat(v.pValue()).isLessThan(0.01);
                });
        assertThat(m.getRolloutStatus().healthStatus().healthy()).isFalse();
        // Paused: traffic stays where it was, no more checks, and the stage clock stands still.
        assertThat(f.sim.split("hooks")).hasValue(new TrafficSplit("1.0", "1.1", 10));
        int checks = m.healthChecks().size();
        Duration elapsed = r.stageElapsed(f.clock.instant());
        f.run(m, Duration.ofMinutes(10), STEP);
        assertThat(m.healthChecks()).hasSize(checks);
        assertThat(m.status().stageElapsed(f.clock.instant())).isEqualTo(elapsed);
    }

    @Test
    void theRollbackPolicyFailsTheRolloutAndSendsTrafficBack() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.ROLLBACK), ANA);
        f.run(m, Duration.ofMinutes(6), STEP);
        assertThat(m.status().currentPercentage()).isEqualTo(25);
        f.sim.injectFault("hooks", "1.1", 1, 0.08);
        f.run(m, Duration.ofMinutes(3), STEP);
        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.currentPercentage()).isZero();
        assertThat(r.currentStage()).isEqualTo(1);
        RolloutEvent failed = m.events().get(m.events().size() - 1);
        assertThat(failed.kind()).isEqualTo(RolloutEventKind.FAILED);
        assertThat(failed.fromPercentage()).isEqualTo(25);
        assertThat(failed.reason()).contains("error_rate: increased");
        assertThat(f.sim.split("hooks")).hasValue(TrafficSplit.stableOnly("1.0"));
        assertThat(f.registry.get("hooks", "1.1").status()).isEqualTo(VersionStatus.FAILED);
        assertThat(f.registry.resolve("hooks", ModelRegistry.CANARY)).isEmpty();
        assertThat(f.registry.resolve("hooks", ModelRegistry.PRODUCTION).orElseThrow().version()).isEqualTo("1.0");
    }

    @Test
    void tooLittleTrafficIsInconclusiveAndHoldsTheStage() {
        f.sim.setRate("hooks", 2);
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.ROLLBACK), ANA);
        f.run(m, Duration.ofMinutes(12), STEP);
        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(r.currentPercentage()).isEqualTo(10);
        assertThat(m.healthChecks()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(HealthOutcome.INCONCLUSIVE));
        assertThat(m.healthChecks().get(0).verdicts().get(0).reason()).startsWith("too little data: the canary served");
        assertThat(m.getRolloutStatus().healthStatus().healthy()).isTrue();
    }

    @Test
    void pauseAndResumeKeepTheStageClock() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.run(m, Duration.ofMinutes(2), STEP);
        m.pauseRollout(io.promptdesk.registry.Attribution.of("bob", "looking at a dashboard"));
        f.run(m, Duration.ofMinutes(30), STEP);
        m.resumeRollout(io.promptdesk.registry.Attribution.of("bob", null));
        assertThat(m.status().stageElapsed(f.clock.instant())).isEqualTo(Duration.ofMinutes(2));
        f.run(m, Duration.ofSeconds(170), STEP);
        assertThat(m.status().currentPercentage()).isEqualTo(10);
        f.run(m, Duration.ofSeconds(10), STEP);
        assertThat(m.status().currentPercentage()).isEqualTo(25);
        assertThat(m.events()).extracting(e -> e.kind() + " by " + e.actor() + ": " + e.reason()).containsExactly(
                "STARTED by ana: release 1.1", "PAUSED by bob: looking at a dashboard", "RESUMED by bob: null",
                "ADVANCED by rollout-manager: stage 10% healthy for 5 min");
    }

    @Test
    void everyChangeIsCommittedBeforeItIsActedOn() {
        List<String> seen = new ArrayList<>();
        TrafficRouter checking = (d, stable, canary, pct) -> {
            Rollout stored = f.rollouts.latest(d).orElseThrow();
            assertThat(stored.currentPercentage()).isEqualTo(canary == null ? stored.currentPercentage() : pct);
            seen.add(stored.status().key() + " " + pct);
            f.sim.route(d, stable, canary, pct);
        };
        RolloutEnvironment env = new RolloutEnvironment(f.rollouts, f.registry, f.sim, new RegressionHealthComparator(),
                checking, f.clock, new RolloutListener() {
            @Override
            public void onEvent(RolloutEvent e) {
                assertThat(f.rollouts.events(e.rolloutId())).contains(e);
            }

            @Override
            public void onHealthCheck(HealthCheck c) {
                assertThat(f.rollouts.healthChecks(c.rolloutId())).extracting(HealthCheck::seq).contains(c.seq());
            }
        });
        GradualRolloutManager checked = new GradualRolloutManager("hooks", env, RolloutSettings.defaults("ana"));
        checked.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.run(checked, Duration.ofMinutes(16), STEP);
        assertThat(seen).containsExactly("in_progress 10", "in_progress 25", "in_progress 50", "completed 0");
    }

    @Test
    void aRestartedManagerContinuesFromTheStore() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.run(m, Duration.ofSeconds(400), STEP);
        Rollout before = m.status();
        f.reopen();
        f.sim.route("hooks", "1.0", null, 0);
        GradualRolloutManager restarted = f.manager("hooks");
        assertThat(restarted.recover()).hasValue(before);
        assertThat(f.sim.split("hooks")).hasValue(new TrafficSplit("1.0", "1.1", 25));
        f.run(restarted, Duration.ofSeconds(200), STEP);
        assertThat(restarted.status().currentPercentage()).isEqualTo(50);
        assertThat(restarted.events().get(2).at()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void aChangeByAnotherProcessMeanwhileWinsOverAStaleHealthCheck() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.serve(Duration.ofSeconds(20));
        GradualRolloutManager other = f.manager("hooks");
        RolloutEnvironment racing = new RolloutEnvironment(f.rollouts, f.registry, (d, v, metric, from, to) -> {
            if (metric == Metric.ERROR_RATE && v.equals("1.1") && other.status().status() == RolloutStatus.IN_PROGRESS) {
                other.pauseRollout(io.promptdesk.registry.Attribution.of("bob", "meanwhile"));
            }
            return f.sim.samples(d, v, metric, from, to);
        }, new RegressionHealthComparator(), f.sim::route, f.clock, null);
        GradualRolloutManager slow = new GradualRolloutManager("hooks", racing, RolloutSettings.defaults("ana"));
        f.serve(Duration.ofSeconds(20));
        assertThat(slow.tick()).get().extracting(Rollout::status).isEqualTo(RolloutStatus.PAUSED);
        assertThat(m.healthChecks()).isEmpty();
        assertThat(m.events()).extracting(RolloutEvent::kind).containsExactly(RolloutEventKind.STARTED,
                RolloutEventKind.PAUSED);
    }

    @Test
    void aTimeScaleRunsAFiveMinuteStageInFiveSecondsOfTheClock() {
        f.sim.setDefaultRate(200 * 60);
        f.sim.setRate("hooks", 200 * 60);
        GradualRolloutManager fast = f.manager("hooks", RolloutSettings.defaults("ana").withTimeScale(60));
        fast.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        f.run(fast, Duration.ofMillis(4500), Duration.ofMillis(250));
        assertThat(fast.status().currentPercentage()).isEqualTo(10);
        f.run(fast, Duration.ofMillis(500), Duration.ofMillis(250));
        assertThat(fast.status().currentPercentage()).isEqualTo(25);
        assertThat(fast.events().get(1).at()).isEqualTo(T0.plusSeconds(5));
        assertThat(fast.healthChecks()).hasSize(10)
                .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(HealthOutcome.HEALTHY));
    }
}
