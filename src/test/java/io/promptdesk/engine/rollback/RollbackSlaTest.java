package io.promptdesk.engine.rollback;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.MetricsSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 30 s SLA on simulated time: slow and failing registries, bounded retries, and the watchdog. */
class RollbackSlaTest {
    @TempDir
    Path dir;
    private RollbackFixture f;

    @BeforeEach
    void setUp() {
        f = new RollbackFixture(dir).promoted("hooks");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private RollbackResult rollBack() {
        return f.controller().triggerRollback("hooks", "1.1", null, "spike", "ana", false);
    }

    private List<String> steps(RollbackResult r) {
        return f.rollbacks.steps(r.rollbackId()).stream().map(s -> s.step().key() + " " + s.state().key()).toList();
    }

    @Test
    void aSlowHealthReadBeforeTheSwitchTimesOutWithNothingSwitched() {
        MetricsSource slow = (deployment, version, metric, from, to) -> {
            if (metric == Metric.ERROR_RATE) {
                f.clock.advance(Duration.ofSeconds(31));
            }
            return f.sim.samples(deployment, version, metric, from, to);
        };
        f.withMetrics(slow);
        int events = f.registryEvents("hooks");
        RollbackResult r = rollBack();
        assertThat(r.status()).isEqualTo(RollbackStatus.TIMEOUT);
        assertThat(r.slaMet()).isFalse();
        assertThat(r.error()).contains("30 s SLA").contains("before the switch")
                .contains("the switch did not happen: production is still 1.1");
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(f.registryEvents("hooks")).isEqualTo(events);
        assertThat(steps(r)).endsWith("switch started", "switch failed", "result done");
        assertThat(f.rollbacks.find(r.rollbackId()).orElseThrow().switched()).isFalse();
        assertThatThrownBy(r::orThrowOnTimeout).isInstanceOf(RollbackTimeoutException.class)
                .hasMessageContaining("exceeded its SLA")
                .satisfies(e -> assertThat(((RollbackTimeoutException) e).result()).isEqualTo(r));
    }

    @Test
    void aSlowRegistryDuringTheSwitchTimesOutWithTheSwitchRecorded() {
        f.registry.writeDelay = Duration.ofSeconds(8);
        RollbackResult r = rollBack();
        assertThat(r.status()).isEqualTo(RollbackStatus.TIMEOUT);
        assertThat(r.slaMet()).isFalse();
        assertThat(r.error()).contains("the switch to 1.0 happened and is recorded");
        assertThat(f.production("hooks")).isEqualTo("1.0");
        assertThat(f.rollbacks.find(r.rollbackId()).orElseThrow().switched()).isTrue();
        assertThat(steps(r)).endsWith("switch done", "post_health started", "post_health failed", "result done");
        assertThat(r.durationSeconds()).isGreaterThan(30);
    }

    @Test
    void transientRegistryFailuresAreRetriedWithBackoff() {
        f.registry.failuresLeft = 2;
        Instant before = f.clock.instant();
        RollbackResult r = rollBack();
        assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
        assertThat(r.slaMet()).isTrue();
        assertThat(f.timer.pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(Duration.between(before, f.clock.instant())).isEqualTo(Duration.ofMillis(600));
        // The failed attempts rolled back with their transaction: the switch is in the registry's history once.
        assertThat(f.plainRegistry.history("hooks").stream()
                .filter(e -> e.reason() != null && e.reason().contains(r.rollbackId()))).hasSize(4);
    }

    @Test
    void threeFailedAttemptsFailTheRollbackAndChangeNothing() {
        f.registry.failuresLeft = 3;
        int events = f.registryEvents("hooks");
        RollbackOutcome o = f.controller().trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                RollbackListener.NONE);
        RollbackResult r = o.result();
        assertThat(r.status()).isEqualTo(RollbackStatus.FAILED);
        assertThat(o.failedStep()).isEqualTo(RollbackStep.SWITCH);
        assertThat(o.rejected()).isFalse();
        assertThat(r.error()).contains("switching hooks to 1.0 failed after 3 attempts")
                .contains("registry unavailable").contains("production is still 1.1");
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(f.registryEvents("hooks")).isEqualTo(events);
        assertThat(f.registry.failedWrites.get()).isEqualTo(3);
        assertThat(steps(r)).endsWith("switch started", "switch failed", "result done");
    }

    @Test
    void retriesStopWhenTheSlaHasNoRoomForAnother() {
        f.registry.failuresLeft = 3;
        f.registry.writeDelay = Duration.ofSeconds(20);
        f.registry.delayFailures = true;
        RollbackResult r = rollBack();
        assertThat(r.status()).isEqualTo(RollbackStatus.TIMEOUT);
        assertThat(f.registry.failedWrites.get()).isEqualTo(2);
        assertThat(r.error()).contains("no time left in the SLA for another attempt").contains("after 2 attempts");
        assertThat(f.production("hooks")).isEqualTo("1.1");
    }

    @Test
    void theWatchdogGivesUpOnAStuckStepAndTheWorkerCannotActAfterwards() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "rollback-worker"));
        // The watchdog's wait: once the worker is stuck in the registry, the SLA runs out.
        f.withExecutor(worker, new RollbackTimer() {
            @Override
            public void pause(Duration d) {
                f.timer.pause(d);
            }

            @Override
            public boolean await(java.util.concurrent.Future<?> work, java.time.Clock clock, Instant deadline)
                    throws InterruptedException {
                f.registry.entered.await();
                return f.timer.await(work, clock, deadline);
            }
        });
        CountDownLatch release = new CountDownLatch(1);
        f.registry.gateThread = "rollback-worker";
        f.registry.gate = release;
        int events = f.registryEvents("hooks");
        List<StepRecord> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        RollbackOutcome o = f.controller().trigger(new RollbackRequest("hooks", "1.1", null, "spike", "ana", false),
                new RollbackListener() {
                    @Override
                    public void onStep(StepRecord step) {
                        heard.add(step);
                    }
                });
        RollbackResult r = o.result();
        assertThat(r.status()).isEqualTo(RollbackStatus.TIMEOUT);
        assertThat(r.error()).contains("the validate step did not return in time")
                .contains("production is still 1.1");
        release.countDown();
        worker.shutdown();
        assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        // The worker woke up, found itself fenced, and did nothing more.
        assertThat(f.rollbacks.find(r.rollbackId()).orElseThrow().status()).isEqualTo(RollbackStatus.TIMEOUT);
        assertThat(steps(r)).containsExactly("validate started", "validate failed", "result done");
        assertThat(f.registryEvents("hooks")).isEqualTo(events);
        assertThat(f.production("hooks")).isEqualTo("1.1");
        assertThat(f.audit.verify().intact()).isTrue();
        assertThat(heard).extracting(s -> s.step().key()).containsExactly("validate");
    }
}
