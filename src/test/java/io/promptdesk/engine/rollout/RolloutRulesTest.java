package io.promptdesk.engine.rollout;

import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.StoreException;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.promptdesk.engine.rollout.RolloutFixture.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input and illegal transitions: clear errors, and nothing changes. */
class RolloutRulesTest {
    static final Attribution BOB = Attribution.of("bob", "because");

    @TempDir
    Path dir;
    RolloutFixture f;
    GradualRolloutManager m;

    /** The fixture on the store the tests run on: the embedded file; the team store's subclass overrides it. */
    RolloutFixture fixture(long seed) {
        return new RolloutFixture(dir, seed, 200);
    }

    @BeforeEach
    void setUp() {
        f = fixture(5).deployment("hooks");
        m = f.manager("hooks");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';10;at least two stages",
            "100;;at least two stages",
            "10 50;;the last stage must be 100",
            "10 5 100;;strictly increasing (5 follows 10)",
            "10 10 100;;strictly increasing",
            "0 50 100;;percentage in 1..100, not 0",
            "10 50 101;;percentage in 1..100, not 101",
            "10 50 100;5;initial_percentage 5 must be the first stage of [10, 50, 100]",
            ";5;initial_percentage 5 must be the first stage of [10, 25, 50, 100] (the default stages)"})
    void illegalStageListsAreRefused(String stages, Integer initial, String message) {
        List<Integer> list = stages == null ? null : stages.isBlank() ? List.of()
                : Arrays.stream(stages.split(" ")).map(Integer::valueOf).toList();
        if ("".equals(stages)) {
            assertThatThrownBy(() -> new RolloutPlan(list, RolloutPlan.DEFAULT_METRICS, null, Duration.ofMinutes(1),
                    Duration.ofSeconds(5), UnhealthyPolicy.PAUSE)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining(message);
        } else {
            assertThatThrownBy(() -> m.startRollout("1.1", initial, list, null))
                    .isInstanceOf(BadInputException.class).hasMessageContaining(message);
        }
        assertThat(f.rollouts.allActive()).isEmpty();
    }

    @Test
    void healthMetricsAndThresholdsAreChecked() {
        assertThatThrownBy(() -> m.startRollout("1.1", null, null, List.of("error_rate", "cpu")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown health metric 'cpu'");
        assertThatThrownBy(() -> RolloutPlan.of(null, null, List.of(io.promptdesk.metrics.Metric.ERROR_RATE),
                java.util.Map.of(io.promptdesk.metrics.Metric.LATENCY_P95, 0.8), null, null, null))
                .hasMessageContaining("a threshold on latency_p95 needs latency_p95 among the health metrics");
        assertThatThrownBy(() -> RolloutPlan.of(null, null, null,
                java.util.Map.of(io.promptdesk.metrics.Metric.ERROR_RATE, 2.0), null, null, null))
                .hasMessageContaining("must be a rate in 0..1");
        assertThatThrownBy(() -> RolloutPlan.of(null, null, null, null, Duration.ofMillis(10), null, null))
                .hasMessageContaining("stage duration must be at least one second");
    }

    @Test
    void unknownVersionsAndMissingProductionAreRefused() {
        assertThatThrownBy(() -> m.startRollout("9.9", null, null, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("hooks has no version 9.9");
        assertThatThrownBy(() -> m.startRollout("1.0", null, null, null))
                .isInstanceOf(RolloutException.class).hasMessageContaining("already the production version");
        f.registry.register(NewVersion.candidate("fresh", "1", "Hi {name}"), ANA);
        f.registry.register(NewVersion.candidate("fresh", "2", "Hey {name}"), ANA);
        assertThatThrownBy(() -> f.manager("fresh").startRollout("2", null, null, null))
                .isInstanceOf(RolloutException.class).hasMessageContaining("fresh has no production version");
        assertThatThrownBy(() -> f.manager("nowhere").startRollout("1", null, null, null))
                .isInstanceOf(RegistryException.class).hasMessageContaining("no model named nowhere");
    }

    @Test
    void oneRolloutPerDeployment() {
        m.startRollout("1.1", null, null, null);
        assertThatThrownBy(() -> m.startRollout("1.1", null, null, null))
                .isInstanceOf(RolloutException.class).hasMessageContaining("is canary");
        f.registry.register(NewVersion.candidate("hooks", "1.2", "Hi there {topic}"), ANA);
        assertThatThrownBy(() -> m.startRollout("1.2", null, null, null))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("hooks already has rollout " + m.status().rolloutId());
        assertThat(f.rollouts.history("hooks")).hasSize(1);
    }

    @Test
    void illegalTransitionsSayWhatIsAllowed() {
        assertThatThrownBy(() -> m.pauseRollout("x")).isInstanceOf(RolloutException.class)
                .hasMessageContaining("no rollout has been started on hooks");
        m.startRollout("1.1", null, null, null);
        assertThatThrownBy(() -> m.resumeRollout()).isInstanceOf(RolloutException.class)
                .hasMessageContaining("cannot resume rollout").hasMessageContaining("is in_progress at 10%; allowed now: "
                        + "advance, pause, complete, abort");
        m.pauseRollout(BOB);
        assertThatThrownBy(() -> m.pauseRollout(BOB)).hasMessageContaining("is paused at 10%; allowed now: resume, abort");
        assertThatThrownBy(() -> m.updateTrafficPercentage(25, true, BOB))
                .isInstanceOf(RolloutException.class).hasMessageContaining("cannot advance");
        assertThatThrownBy(() -> m.completeRollout(true, BOB)).hasMessageContaining("cannot complete");
        m.abortRollout(BOB);
        assertThat(m.status().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(m.status().currentPercentage()).isZero();
        for (Runnable r : List.<Runnable>of(() -> m.resumeRollout(), () -> m.abortRollout("again"),
                () -> m.updateTrafficPercentage(25, false))) {
            assertThatThrownBy(r::run).isInstanceOf(RolloutException.class)
                    .hasMessageContaining("has ended (rolled_back); start a new rollout instead");
        }
        assertThat(f.registry.get("hooks", "1.1").status()).isEqualTo(io.promptdesk.registry.VersionStatus.CANDIDATE);
        assertThat(f.sim.split("hooks")).hasValue(io.promptdesk.metrics.TrafficSplit.stableOnly("1.0"));
        assertThat(m.events()).extracting(RolloutEvent::kind).containsExactly(RolloutEventKind.STARTED,
                RolloutEventKind.PAUSED, RolloutEventKind.ROLLED_BACK);
        // An aborted version is a candidate again and can be rolled out anew.
        m.startRollout("1.1", null, null, null);
        assertThat(f.rollouts.history("hooks")).hasSize(2);
    }

    @Test
    void theThirdConcurrentRolloutIsTheLast() {
        for (String d : List.of("b", "c", "d")) {
            f.deployment(d);
        }
        m.startRollout("1.1", null, null, null);
        f.manager("b").startRollout("1.1", null, null, null);
        f.manager("c").startRollout("1.1", null, null, null);
        f.manager("c").pauseRollout("paused rollouts count too");
        assertThatThrownBy(() -> f.manager("d").startRollout("1.1", null, null, null))
                .isInstanceOf(RolloutException.class)
                .hasMessageContaining("3 rollouts are already active (b 1.1, c 1.1, hooks 1.1); at most 3 run at once");
        f.manager("b").abortRollout("make room");
        f.manager("d").startRollout("1.1", null, null, null);
        assertThat(f.rollouts.allActive()).extracting(Rollout::deploymentName).containsExactly("c", "d", "hooks");
    }

    @Test
    void aManualAdvanceRunsTheHealthCheckUnlessForcedWithAReason() {
        m.startRollout("1.1", RolloutFixture.plan(UnhealthyPolicy.PAUSE), ANA);
        assertThatThrownBy(() -> m.updateTrafficPercentage(25, false, BOB))
                .isInstanceOf(HealthGateException.class)
                .hasMessageContaining("advance to 25% refused: the health check is inconclusive (error_rate: too little");
        assertThat(m.status().currentPercentage()).isEqualTo(10);
        assertThat(m.healthChecks()).singleElement().extracting(HealthCheck::trigger).isEqualTo(CheckTrigger.ADVANCE);
        assertThatThrownBy(() -> m.updateTrafficPercentage(30, false, BOB))
                .hasMessageContaining("30% is not a stage of rollout").hasMessageContaining("the next is 25%");
        assertThatThrownBy(() -> m.updateTrafficPercentage(10, false, BOB))
                .hasMessageContaining("already at 10%: traffic only moves forward (next 25%)");
        assertThatThrownBy(() -> m.updateTrafficPercentage(25, true, Attribution.of("bob", null)))
                .hasMessageContaining("needs a reason");
        f.serve(Duration.ofMinutes(2));
        m.updateTrafficPercentage(25, false, BOB);
        assertThat(m.status().currentPercentage()).isEqualTo(25);
        m.updateTrafficPercentage(75 - 25, true, Attribution.of("carol", "marketing launch at noon"));
        RolloutEvent forced = m.events().get(m.events().size() - 1);
        assertThat(forced.forced()).isTrue();
        assertThat(forced.actor()).isEqualTo("carol");
        assertThat(forced.reason()).isEqualTo("marketing launch at noon");
        assertThat(m.events().get(m.events().size() - 2).forced()).isFalse();
        f.serve(Duration.ofMinutes(2));
        f.sim.injectFault("hooks", "1.1", 3, 0.08);
        f.serve(Duration.ofMinutes(2));
        assertThatThrownBy(() -> m.completeRollout(false, BOB))
                .isInstanceOf(HealthGateException.class)
                .hasMessageContaining("completion refused: the health check is unhealthy")
                .hasMessageContaining("the rollout is paused");
        assertThat(m.status().status()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(m.events().get(m.events().size() - 1).actor()).isEqualTo("bob");
    }

    @Test
    void completingWithoutFinalChecksIsRecordedAsForced() {
        m.startRollout("1.1", null, null, null);
        m.completeRollout(true);
        Rollout r = m.status();
        assertThat(r.status()).isEqualTo(RolloutStatus.COMPLETED);
        assertThat(r.currentPercentage()).isEqualTo(100);
        RolloutEvent done = m.events().get(1);
        assertThat(done.forced()).isTrue();
        assertThat(done.actor()).isEqualTo("ana");
        assertThat(done.reason()).isEqualTo("completed without final checks");
        assertThatThrownBy(() -> m.completeRollout(true)).hasMessageContaining("has ended (completed)");
    }

    @Test
    void aLockedStoreRefusesTheChangeAndNothingIsActedOn() throws Exception {
        m.startRollout("1.1", null, null, null);
        Rollout before = m.status();
        List<String> routed = new java.util.ArrayList<>();
        try (Database impatient = Database.open(Workspace.databaseFile(dir),
                DatabaseOptions.defaults().withBusyTimeout(Duration.ofMillis(50)));
             java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                     + Workspace.databaseFile(dir))) {
            GradualRolloutManager locked = new GradualRolloutManager("hooks", new RolloutEnvironment(
                    new JdbcRolloutRepository(impatient), f.registry, f.sim, new RegressionHealthComparator(),
                    (d, s, c, p) -> routed.add(d + " " + p), f.clock, null), RolloutSettings.defaults("ana"));
            locked.recover();
            routed.clear();
            try (java.sql.Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            assertThatThrownBy(() -> locked.pauseRollout(BOB))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is locked by another process")
                    .hasMessageContaining("nothing was changed");
            try (java.sql.Statement st = other.createStatement()) {
                st.execute("ROLLBACK");
            }
        }
        assertThat(routed).isEmpty();
        assertThat(m.status()).isEqualTo(before);
        assertThat(m.events()).hasSize(1);
    }
}
