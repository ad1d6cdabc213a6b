package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollback.RollbackRecord;
import io.promptdesk.engine.rollback.RollbackStatus;
import io.promptdesk.engine.rollback.RollbackStep;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rollback button's view model without a toolkit: same-thread runner, fake dialogs, fake clock and ticker. */
class RollbackViewModelTest {
    @TempDir
    Path dir;
    private RollbackUiFixture f;
    private final FakeDialogService dialogs = new FakeDialogService();

    @AfterEach
    void close() {
        f.close();
    }

    private RollbackViewModel vm(SameThreadRunner runner) {
        RollbackViewModel vm = new RollbackViewModel(f.services(runner, dialogs, Runnable::run));
        vm.load();
        return vm;
    }

    @Test
    void theButtonNamesExactlyWhatItWillDoAndIsEnabledOnlyWithAValidTarget() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        f.register("fresh", "1.0", VersionStatus.STABLE);
        RollbackViewModel vm = vm(SameThreadRunner.immediate());

        vm.selectModel("hooks");
        assertThat(vm.currentProperty().get()).isEqualTo("1.1");
        assertThat(vm.targets()).containsExactly("1.0");
        assertThat(vm.actionProperty().get()).isEqualTo("Roll back hooks 1.1 -> 1.0");
        assertThat(vm.canRollbackProperty().get()).isTrue();

        vm.selectModel("fresh");
        assertThat(vm.targets()).isEmpty();
        assertThat(vm.actionProperty().get()).isEqualTo("Roll back fresh 1.0: no valid target");
        assertThat(vm.canRollbackProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("No valid target to roll fresh 1.0 back to: no earlier version was stable in production");
    }

    @Test
    void aCancelledConfirmationRollsNothingBack() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        RollbackViewModel vm = vm(SameThreadRunner.immediate());

        vm.requestRollback();

        assertThat(f.confirmer.asked).containsExactly("Roll back hooks 1.1 -> 1.0");
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(f.controller.getRollbackHistory("hooks", 10, false)).isEmpty();
        assertThat(vm.run().shownProperty().get()).isFalse();
    }

    @Test
    void aConfirmedRollbackShowsEachStepTheResultAgainstTheSlaAndThePostRollbackHealth() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        RollbackViewModel vm = vm(SameThreadRunner.immediate());
        f.confirmer.answers.add(Optional.of("latency spike after 1.1"));

        vm.requestRollback();

        RollbackRunModel run = vm.run();
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(run.statusProperty().get()).isEqualTo("success");
        assertThat(run.slaMetProperty().get()).isEqualTo("sla_met");
        assertThat(run.durationProperty().get()).endsWith("s of the 30 s SLA");
        assertThat(run.titleProperty().get()).isEqualTo("hooks 1.1 -> 1.0");
        assertThat(run.steps()).extracting(StepRow::step).containsExactly(RollbackStep.values());
        assertThat(run.steps()).extracting(StepRow::state).containsOnly("done");
        assertThat(run.preHealthProperty().get()).startsWith("1.1: ");
        assertThat(run.postHealthTextProperty().get()).startsWith("1.0: ");
        // A 30-second watch sampled every 5 s, delivered in batches.
        assertThat(run.postHealth()).hasSize(7).allSatisfy(s -> assertThat(s.version()).isEqualTo("1.0"));
        assertThat(f.ticker.running()).isFalse();
        RollbackResult stored = f.controller.getRollbackHistory("hooks", 1, false).get(0);
        assertThat(stored.reason()).isEqualTo("latency spike after 1.1");
        assertThat(stored.triggeredBy()).isEqualTo(RollbackUiFixture.ACTOR);
        assertThat(dialogs.last().kind()).isEqualTo("SUCCESS");
        // Nothing earlier than 1.0 to go back to now.
        assertThat(vm.currentProperty().get()).isEqualTo("1.0");
        assertThat(vm.canRollbackProperty().get()).isFalse();
    }

    @Test
    void theSlaCountsDownOnTheClockWhileTheRollbackRunsAndPressingAgainDoesNothing() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        SameThreadRunner runner = SameThreadRunner.deferred();
        RollbackViewModel vm = vm(runner);
        runner.runPending();
        f.confirmer.answers.add(Optional.of("errors"));
        f.confirmer.answers.add(Optional.of("errors again"));

        vm.requestRollback();
        assertThat(vm.run().runningProperty().get()).isTrue();
        assertThat(vm.run().countdownProperty().get()).isEqualTo("30.0 s left of the 30 s SLA");
        assertThat(vm.run().steps()).extracting(StepRow::state).containsOnly(StepRow.PENDING);
        f.clock.advance(Duration.ofMillis(4_300));
        f.ticker.fire();
        assertThat(vm.run().countdownProperty().get()).isEqualTo("25.7 s left of the 30 s SLA");
        assertThat(vm.canRollbackProperty().get()).isFalse();

        vm.requestRollback();
        assertThat(f.confirmer.asked).hasSize(1);

        runner.runPending();
        assertThat(vm.run().statusProperty().get()).isEqualTo("success");
        assertThat(f.controller.getRollbackHistory("hooks", 10, false)).hasSize(1);
        assertThat(f.ticker.running()).isFalse();
    }

    @Test
    void anInterruptedRollbackIsOfferedAndFinishedWhereItStopped() {
        f = new RollbackUiFixture(dir).promoted("hooks");
        // A rollback whose process died before the switch.
        f.rollbacks.insert(new RollbackRecord("rb-crashed", "hooks", "1.1", "1.0", "errors", "bob", false,
                RollbackStatus.RUNNING, RollbackStep.SWITCH, false, f.clock.instant(),
                f.clock.instant().plusSeconds(30), null, null, null, null, "dead-process", 1));
        RollbackViewModel vm = vm(SameThreadRunner.immediate());

        assertThat(vm.interruptedProperty().get()).isNotNull();
        assertThat(vm.interruptedTextProperty().get()).startsWith("Rollback rb-crashed of hooks 1.1 -> 1.0 was "
                + "interrupted at switch");
        assertThat(vm.canFinishProperty().get()).isTrue();

        vm.finishInterrupted();

        assertThat(vm.run().statusProperty().get()).isEqualTo("success");
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(vm.interruptedProperty().get()).isNull();
        assertThat(f.controller.getRollbackHistory("hooks", 10, false)).singleElement()
                .satisfies(r -> assertThat(r.rollbackId()).isEqualTo("rb-crashed"));
    }
}
