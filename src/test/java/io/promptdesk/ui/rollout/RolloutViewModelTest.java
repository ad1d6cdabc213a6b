package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.RolloutWorkspaceFixture;

import io.promptdesk.app.rollout.ConsoleSnapshot;
import io.promptdesk.app.rollout.MetricSeries;
import io.promptdesk.app.rollout.RolloutRow;

import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.BehaviourProfile;
import io.promptdesk.metrics.Metric;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Rollout workspace's view model on the real engines, in simulated time, without a toolkit. */
class RolloutViewModelTest {
    private static final Duration STEP = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    private RolloutWorkspaceFixture f;
    private FakeDialogService dialogs;
    private RolloutViewModel vm;
    private LatestOnFx<ConsoleSnapshot> publish;

    @BeforeEach
    void setUp() {
        f = new RolloutWorkspaceFixture(dir).deployment("hooks");
        dialogs = new FakeDialogService();
        vm = new RolloutViewModel(f.console, SameThreadRunner.immediate(), dialogs, ZoneOffset.UTC);
        // The console hops to the FX thread this way; here the "FX thread" is the test's.
        publish = new LatestOnFx<>(vm::apply, Runnable::run);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void startShortRollout(UnhealthyPolicy policy) {
        vm.start().stageSecondsProperty().set("60");
        vm.start().intervalSecondsProperty().set("10");
        vm.start().policyProperty().set(policy);
        vm.startRollout();
    }

    @Test
    void startingARolloutSelectsItAndEnablesOnlyTheLegalActions() {
        assertThat(vm.start().deploymentProperty().get()).isEqualTo("hooks");
        assertThat(vm.start().versionProperty().get()).isEqualTo("1.1");
        assertThat(vm.canStartProperty().get()).isTrue();
        assertThat(vm.canPauseProperty().get()).isFalse();

        vm.start().reasonProperty().set("shorter hooks");
        vm.startRollout();

        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(vm.titleProperty().get()).isEqualTo("hooks 1.1 (stable 1.0)");
        assertThat(vm.stages()).containsExactly(10, 25, 50, 100);
        assertThat(vm.currentStageProperty().get()).isZero();
        assertThat(vm.rollouts()).singleElement().satisfies(r -> assertThat(r.rolloutId())
                .isEqualTo(vm.selectedIdProperty().get()));
        assertThat(vm.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(RolloutEventKind.STARTED);
            assertThat(e.actor()).isEqualTo(RolloutWorkspaceFixture.ACTOR);
            assertThat(e.reason()).isEqualTo("shorter hooks");
        });
        assertThat(vm.canAdvanceProperty().get()).isTrue();
        assertThat(vm.canPauseProperty().get()).isTrue();
        assertThat(vm.canCompleteProperty().get()).isTrue();
        assertThat(vm.canAbortProperty().get()).isTrue();
        assertThat(vm.canResumeProperty().get()).isFalse();
        assertThat(vm.advanceTargets()).containsExactly(25, 50, 100);
        assertThat(vm.advanceTargetProperty().get()).isEqualTo(25);
        // The deployment now has its rollout: the form says so and cannot start another.
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.start().problemProperty().get()).contains("hooks already has a rollout");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aPauseKeepsItsReasonAndLeavesOnlyResumeAndAbort() {
        vm.startRollout();
        vm.reasonProperty().set("checking the dashboards");

        vm.pause();

        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.PAUSED);
        RolloutEvent last = vm.events().get(vm.events().size() - 1);
        assertThat(last.kind()).isEqualTo(RolloutEventKind.PAUSED);
        assertThat(last.reason()).isEqualTo("checking the dashboards");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(List.of(vm.canResumeProperty().get(), vm.canAbortProperty().get())).containsOnly(true);
        assertThat(List.of(vm.canAdvanceProperty().get(), vm.canPauseProperty().get(),
                vm.canCompleteProperty().get())).containsOnly(false);

        vm.resume();
        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(vm.events()).extracting(RolloutEvent::kind).containsExactly(RolloutEventKind.STARTED,
                RolloutEventKind.PAUSED, RolloutEventKind.RESUMED);
    }

    @Test
    void aForcedAdvanceNeedsAReasonAndIsRecordedAsForced() {
        vm.startRollout();
        vm.forceProperty().set(true);
        assertThat(vm.canAdvanceProperty().get()).isFalse();
        assertThat(vm.canCompleteProperty().get()).isFalse();

        vm.reasonProperty().set("hotfix, metrics verified by hand");
        vm.advanceTargetProperty().set(50);
        assertThat(vm.canAdvanceProperty().get()).isTrue();
        vm.advance();

        assertThat(vm.currentStageProperty().get()).isEqualTo(2);
        RolloutEvent last = vm.events().get(vm.events().size() - 1);
        assertThat(last.forced()).isTrue();
        assertThat(last.toPercentage()).isEqualTo(50);
        assertThat(last.reason()).isEqualTo("hotfix, metrics verified by hand");
        assertThat(vm.forceProperty().get()).isFalse();
        assertThat(vm.advanceTargets()).containsExactly(100);
    }

    @Test
    void anAdvanceRefusedByTheHealthGateIsShownAndTheRolloutStaysWhereItWas() {
        vm.startRollout();

        vm.advance();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Advance refused");
            assertThat(e.message()).contains("inconclusive").contains("too little data");
            assertThat(e.details()).isNull();
        });
        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.IN_PROGRESS);
        assertThat(vm.currentStageProperty().get()).isZero();
        assertThat(vm.lastCheckProperty().get()).contains("inconclusive");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aHealthyCanaryAdvancesOnTheDriversTicksAndTheTimelineFollows() {
        startShortRollout(UnhealthyPolicy.PAUSE);

        f.run(Duration.ofSeconds(30), STEP, publish);
        assertThat(vm.elapsedProperty().get()).isEqualTo(Duration.ofSeconds(30));
        assertThat(vm.remainingProperty().get()).isEqualTo(Duration.ofSeconds(30));

        f.run(Duration.ofSeconds(35), STEP, publish);
        assertThat(vm.currentStageProperty().get()).isEqualTo(1);
        assertThat(vm.verdicts()).containsEntry(0, HealthOutcome.HEALTHY);
        assertThat(vm.seriesProperty().get()).extracting(MetricSeries::metric)
                .containsExactly(Metric.ERROR_RATE, Metric.LATENCY_P95, Metric.ENGAGEMENT_RATE);
        MetricSeries errors = vm.seriesProperty().get().get(0);
        assertThat(errors.threshold()).isEqualTo(5.0);
        assertThat(errors.canary().size()).isPositive();
        assertThat(errors.lastOutcome()).isEqualTo(HealthOutcome.HEALTHY);
    }

    @Test
    void anInjectedFaultPausesTheRolloutAndTheLastCheckNamesTheFailingMetrics() {
        startShortRollout(UnhealthyPolicy.PAUSE);
        f.run(Duration.ofSeconds(40), STEP, publish);

        vm.simulator().injectFault();
        assertThat(vm.simulator().canary().p95MsProperty().get()).isEqualTo("1500");
        assertThat(vm.simulator().canary().errorPercentProperty().get()).isEqualTo("8");
        for (int i = 0; i < 60 && vm.statusProperty().get() == RolloutStatus.IN_PROGRESS; i++) {
            f.run(STEP, STEP, publish);
        }

        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.PAUSED);
        assertThat(vm.lastCheckProperty().get()).contains("unhealthy").contains("latency_p95: increased");
        assertThat(vm.verdicts()).containsEntry(vm.currentStageProperty().get(), HealthOutcome.UNHEALTHY);
        RolloutEvent last = vm.events().get(vm.events().size() - 1);
        assertThat(last.kind()).isEqualTo(RolloutEventKind.PAUSED);
        assertThat(last.actor()).isEqualTo("rollout-manager");
        assertThat(last.reason()).startsWith("health check failed").contains("latency_p95");
        MetricSeries latency = vm.seriesProperty().get().get(1);
        double[] canary = latency.canary().y();
        double[] stable = latency.stable().y();
        assertThat(canary[canary.length - 1]).isGreaterThan(1.5 * stable[stable.length - 1]);
    }

    @Test
    void theTimeScaleRunsPlannedStagesFasterOnTheClock() {
        vm.simulator().timeScaleProperty().set(60.0);
        vm.start().stageSecondsProperty().set("300");
        vm.startRollout();

        f.run(Duration.ofSeconds(2), Duration.ofMillis(500), publish);
        assertThat(vm.elapsedProperty().get()).isEqualTo(Duration.ofMinutes(2));
        assertThat(vm.remainingProperty().get()).isEqualTo(Duration.ofMinutes(3));

        f.run(Duration.ofSeconds(4), Duration.ofMillis(500), publish);
        assertThat(vm.currentStageProperty().get()).isEqualTo(1);
        assertThat(vm.simulator().timeScaleProperty().get()).isEqualTo(60.0);
    }

    @Test
    void atMostThreeRolloutsRunAtOnce() {
        f.deployment("a").deployment("b").deployment("c");
        for (String d : List.of("hooks", "a", "b")) {
            vm.start().deploymentProperty().set(d);
            vm.startRollout();
        }
        vm.start().deploymentProperty().set("c");

        assertThat(vm.activeCountProperty().get()).isEqualTo(3);
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.start().problemProperty().get()).contains("3 rollouts are active").contains("at most 3");
        assertThat(vm.messageProperty().get()).isEqualTo("3 of 3 rollouts active");
    }

    @Test
    void aFinishedRolloutStaysInTheHistoryAndCanBeShownButNotActedOn() {
        vm.startRollout();
        String first = vm.selectedIdProperty().get();
        vm.reasonProperty().set("wrong candidate");
        vm.abort();
        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(vm.headlineProperty().get()).isEqualTo("rolled back at 10%: traffic back on 1.0");
        f.registry.register(io.promptdesk.registry.NewVersion.candidate("hooks", "1.2", "Hook: {topic}"),
                io.promptdesk.registry.Attribution.of("ana", null));
        vm.load();
        vm.start().versionProperty().set("1.2");
        vm.startRollout();
        String second = vm.selectedIdProperty().get();

        assertThat(vm.rollouts()).extracting(RolloutRow::rolloutId).containsExactly(second, first);
        vm.select(first);

        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.ROLLED_BACK);
        assertThat(vm.events()).extracting(RolloutEvent::kind).containsExactly(RolloutEventKind.STARTED,
                RolloutEventKind.ROLLED_BACK);
        assertThat(List.of(vm.canAdvanceProperty().get(), vm.canPauseProperty().get(), vm.canResumeProperty().get(),
                vm.canCompleteProperty().get(), vm.canAbortProperty().get())).containsOnly(false);
        assertThat(vm.simulator().liveProperty().get()).isFalse();
    }

    @Test
    void anOlderSnapshotArrivingLateIsIgnored() {
        vm.startRollout();
        ConsoleSnapshot older = f.console.refresh();
        f.console.pause(vm.selectedIdProperty().get(), "hold");
        ConsoleSnapshot newer = f.console.refresh();

        vm.apply(newer);
        vm.apply(older);

        assertThat(vm.statusProperty().get()).isEqualTo(RolloutStatus.PAUSED);
    }

    @Test
    void editedProfilesReachTheSimulatorAndABadNumberSendsNothing() {
        vm.startRollout();
        ProfileFields canary = vm.simulator().canary();
        canary.medianMsProperty().set("250");
        canary.errorPercentProperty().set("2");
        vm.simulator().applyProfiles();
        assertThat(f.sim.profile("hooks", "1.1")).isEqualTo(new BehaviourProfile(0.25, 0.5, 0.02, 0.30));
        assertThat(vm.simulator().stableLabelProperty().get()).isEqualTo("stable 1.0");

        canary.p95MsProperty().set("fast");
        vm.simulator().applyProfiles();
        assertThat(vm.simulator().problemProperty().get()).isEqualTo("canary 1.1 latency p95: 'fast' is not a number");
        assertThat(f.sim.profile("hooks", "1.1").latencyP95Seconds()).isEqualTo(0.5);

        vm.simulator().rateProperty().set(20.0);
        assertThat(f.sim.rate("hooks")).isEqualTo(20.0);
    }
}
