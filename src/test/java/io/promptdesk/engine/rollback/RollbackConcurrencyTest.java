package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.registry.VersionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One rollback per model, whoever triggers it and however often; a dead runner's rollback is finished by the next. */
class RollbackConcurrencyTest {
    @TempDir
    Path dir;

    /** Stands for the process dying between two steps: an Error no step handler catches. */
    private static final class ProcessDeath extends Error {
    }

    @Test
    void aSecondTriggerWhileOneRunsJoinsItInsteadOfRollingBackTwice() throws Exception {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackController c = f.controller();
            CountDownLatch release = new CountDownLatch(1);
            f.registry.gateThread = "first-click";
            f.registry.gateWritesOnly = true;
            f.registry.gate = release;
            ExecutorService clicks = Executors.newFixedThreadPool(2, r -> new Thread(r, "click"));
            Thread[] second = new Thread[1];
            try {
                Future<RollbackOutcome> first = clicks.submit(() -> {
                    Thread.currentThread().setName("first-click");
                    return c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                            RollbackListener.NONE);
                });
                f.registry.entered.await();
                Future<RollbackOutcome> again = clicks.submit(() -> {
                    second[0] = Thread.currentThread();
                    return c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                            RollbackListener.NONE);
                });
                // The first click is inside its switch; the second waits on its outcome, never reaching the store.
                while (second[0] == null || second[0].getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                release.countDown();
                RollbackOutcome a = first.get(30, TimeUnit.SECONDS);
                RollbackOutcome b = again.get(30, TimeUnit.SECONDS);
                assertThat(a.origin()).isEqualTo(RollbackOutcome.Origin.STARTED);
                assertThat(b.joined()).isTrue();
                assertThat(b.result()).isEqualTo(a.result());
                assertThat(f.rollbacks.history("hooks", 10)).hasSize(1);
            } finally {
                clicks.shutdownNow();
            }
        }
    }

    @Test
    void aRollbackRunningInAnotherProcessIsWaitedForAndReported() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackLedger ledger = new RollbackLedger(f.rollbacks, f.audit, f.clock);
            RollbackRecord other = otherProcessRollback(f, "host/2/0/other", RollbackStep.SWITCH);
            ledger.start(other, List.of());
            f.timer.onPause = () -> {
                RollbackRecord cur = f.rollbacks.find(other.rollbackId()).orElseThrow();
                if (cur.status() == RollbackStatus.RUNNING) {
                    ledger.end(cur, RollbackStatus.FAILED, "the other process gave up", List.of(), "bob");
                }
            };
            RollbackOutcome o = f.controller().trigger(new RollbackRequest("hooks", "1.1", null, null, "ana", false),
                    RollbackListener.NONE);
            assertThat(o.joined()).isTrue();
            assertThat(o.result().rollbackId()).isEqualTo(other.rollbackId());
            assertThat(o.result().status()).isEqualTo(RollbackStatus.FAILED);
            assertThat(f.timer.pauses).containsExactly(Duration.ofMillis(200));
            assertThat(f.rollbacks.history("hooks", 10)).hasSize(1);
        }
    }

    @Test
    void aRollbackWhoseProcessDiedIsResumedByTheNextTrigger() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackRecord other = otherProcessRollback(f, "host/3/0/dead", RollbackStep.SWITCH);
            new RollbackLedger(f.rollbacks, f.audit, f.clock).start(other, List.of());
            f.liveness.gone.add("host/3/0/dead");
            RollbackOutcome o = f.controller().trigger(new RollbackRequest("hooks", "1.1", null, null, "bob", false),
                    RollbackListener.NONE);
            assertThat(o.origin()).isEqualTo(RollbackOutcome.Origin.RESUMED);
            assertThat(o.result().rollbackId()).isEqualTo(other.rollbackId());
            assertThat(o.result().status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(f.production("hooks")).isEqualTo("1.0");
            assertThat(f.actions("hooks", 10)).extracting(AuditEntry::action).containsExactly(
                    "rollback_succeeded", "rollback_switched", "rollback_resumed", "rollback_interrupted",
                    "rollback_started");
            assertThat(f.actions("hooks", 10).get(2).actor()).isEqualTo("bob");
        }
    }

    @Test
    void aCrashAfterTheSwitchIsRecoveredAsInterruptedAndResumedToTheEnd() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackController c = f.controller();
            RollbackListener dies = new RollbackListener() {
                @Override
                public void onStep(StepRecord step) {
                    if (step.step() == RollbackStep.SWITCH && step.state() == StepState.DONE) {
                        throw new ProcessDeath();
                    }
                }
            };
            assertThatThrownBy(() -> c.trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false), dies))
                    .isInstanceOf(ProcessDeath.class);
            RollbackRecord stuck = f.rollbacks.latest("hooks").orElseThrow();
            assertThat(stuck.status()).isEqualTo(RollbackStatus.RUNNING);
            assertThat(stuck.switched()).isTrue();
            // The registry and the record agree: the switch committed with its record.
            assertThat(f.production("hooks")).isEqualTo("1.0");

            RollbackController restarted = f.controller();
            List<RollbackRecord> interrupted = restarted.recoverInterrupted();
            assertThat(interrupted).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RollbackStatus.INTERRUPTED);
                assertThat(r.step()).isEqualTo(RollbackStep.POST_HEALTH);
                assertThat(r.error()).contains("the switch to 1.0 happened and is recorded");
            });
            assertThat(restarted.getRollbackHistory("hooks", 1, false).get(0).status())
                    .isEqualTo(RollbackStatus.INTERRUPTED);
            List<RollbackOutcome> resumed = restarted.resumeInterrupted("bob");
            assertThat(resumed).singleElement().satisfies(o -> {
                assertThat(o.origin()).isEqualTo(RollbackOutcome.Origin.RESUMED);
                assertThat(o.result().status()).isEqualTo(RollbackStatus.SUCCESS);
            });
            assertThat(restarted.steps(stuck.rollbackId())).extracting(s -> s.step().key() + " " + s.state().key())
                    .endsWith("switch done", "post_health started", "post_health failed", "post_health started",
                            "post_health done", "result done");
            assertThat(restarted.recoverInterrupted()).isEmpty();
            assertThat(f.audit.verify().intact()).isTrue();
        }
    }

    @Test
    void aHundredConcurrentTriggersOnTenModelsRunExactlyTenRollbacks() throws Exception {
        try (RollbackFixture f = new RollbackFixture(dir)) {
            for (int m = 0; m < 10; m++) {
                f.register("model-" + m, "1.0", VersionStatus.STABLE);
                f.register("model-" + m, "1.1", VersionStatus.STABLE);
            }
            ExecutorService workers = Executors.newFixedThreadPool(5);
            f.withExecutor(workers, RollbackTimer.SYSTEM);
            RollbackController c = f.controller();
            ExecutorService callers = Executors.newFixedThreadPool(100);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RollbackOutcome>> calls = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    String model = "model-" + (i % 10);
                    String who = "user-" + i;
                    Callable<RollbackOutcome> call = () -> {
                        go.await();
                        return c.trigger(new RollbackRequest(model, "1.1", null, "incident 42", who, false),
                                RollbackListener.NONE);
                    };
                    calls.add(callers.submit(call));
                }
                go.countDown();
                List<RollbackOutcome> outcomes = new ArrayList<>();
                for (Future<RollbackOutcome> call : calls) {
                    outcomes.add(call.get(60, TimeUnit.SECONDS));
                }
                assertThat(outcomes).hasSize(100).allSatisfy(o ->
                        assertThat(o.result().status()).isEqualTo(RollbackStatus.SUCCESS));
                assertThat(outcomes.stream().filter(o -> o.origin() == RollbackOutcome.Origin.STARTED)).hasSize(10);
                Map<String, java.util.Set<String>> idsByModel = outcomes.stream().collect(Collectors.groupingBy(
                        o -> o.result().modelName(), Collectors.mapping(o -> o.result().rollbackId(),
                                Collectors.toSet())));
                assertThat(idsByModel).hasSize(10).allSatisfy((m, ids) -> assertThat(ids).hasSize(1));
                for (int m = 0; m < 10; m++) {
                    String model = "model-" + m;
                    assertThat(f.rollbacks.history(model, 10)).hasSize(1);
                    assertThat(f.production(model)).isEqualTo("1.0");
                    assertThat(f.status(model, "1.1")).isEqualTo(VersionStatus.FAILED);
                    assertThat(f.actions(model, 100)).extracting(AuditEntry::action)
                            .containsExactly("rollback_succeeded", "rollback_switched", "rollback_started");
                }
                assertThat(f.audit.verify().intact()).isTrue();
                assertThat(f.actions(null, 1000)).hasSize(30);
            } finally {
                callers.shutdownNow();
                workers.shutdownNow();
            }
        }
    }

    private static RollbackRecord otherProcessRollback(RollbackFixture f, String owner, RollbackStep step) {
        java.time.Instant now = f.clock.instant();
        return new RollbackRecord("rb-other", "hooks", "1.1", "1.0", "their reason", "bob", false,
                RollbackStatus.RUNNING, step, false, now, now.plusSeconds(30), null, null, null, null, owner, 1);
    }

    @Test
    void resumingARollbackWhoseVersionIsNoLongerDeployedChangesNothing() {
        try (RollbackFixture f = new RollbackFixture(dir).promoted("hooks")) {
            RollbackRecord stale = otherProcessRollback(f, "host/4/0/dead", RollbackStep.SWITCH);
            new RollbackLedger(f.rollbacks, f.audit, f.clock).start(stale, List.of());
            f.liveness.gone.add("host/4/0/dead");
            f.register("hooks", "1.2", VersionStatus.STABLE);
            int events = f.registryEvents("hooks");
            RollbackController c = f.controller();
            List<RollbackOutcome> resumed = c.resumeInterrupted("bob");
            assertThat(resumed).singleElement().satisfies(o -> {
                assertThat(o.result().status()).isEqualTo(RollbackStatus.FAILED);
                assertThat(o.result().error()).contains("1.1 is not deployed").contains("production is 1.2");
            });
            assertThat(f.registryEvents("hooks")).isEqualTo(events);
            assertThat(f.production("hooks")).isEqualTo("1.2");
        }
    }
}
