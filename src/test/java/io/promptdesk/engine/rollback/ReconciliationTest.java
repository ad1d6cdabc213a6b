package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.rollout.DesiredState;
import io.promptdesk.engine.rollout.Drift;
import io.promptdesk.engine.rollout.EffectBoundaries;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.ReconcileReport;
import io.promptdesk.engine.rollout.RegressionHealthComparator;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEnvironment;
import io.promptdesk.engine.rollout.RolloutException;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutSettings;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.TrafficSplit;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.routing.TrafficRoutingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The record and the world agree: every effect is derived from the stored desired state, confirmed, and re-applied
 * by the next command after a crash at any effect boundary; a stale driver cannot undo a rollback; an action that
 * read an older generation is refused and audited; a rollback whose traffic change failed is finished by the next
 * trigger, in the same record.
 */
class ReconciliationTest {
    private static final String M = "hooks";

    @TempDir
    Path root;

    /** A traffic webhook as a team runs one: remembers the split per deployment, ignores older generations. */
    static final class Webhook implements TrafficRouter {
        final Map<String, TrafficSplit> served = new HashMap<>();
        final Map<String, Long> generation = new HashMap<>();
        final List<String> keys = new ArrayList<>();
        int failures;
        /** A router that can say what it serves (most webhooks cannot: then only its acknowledgement counts). */
        boolean readable;

        @Override
        public void route(String deployment, String stable, String canary, int percent) {
            route(canary == null ? TrafficSplit.stableOnly(stable) : new TrafficSplit(stable, canary, percent),
                    deployment, null);
        }

        @Override
        public synchronized void route(TrafficSplit split, String deployment, String key) {
            if (failures > 0) {
                failures--;
                throw new TrafficRoutingException("the traffic webhook refused the change with HTTP 500");
            }
            keys.add(key);
            long g = key == null ? Long.MAX_VALUE : Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
            if (g < generation.getOrDefault(deployment, 0L)) {
                return;
            }
            generation.put(deployment, g);
            served.put(deployment, split);
        }

        @Override
        public String target() {
            return "webhook http://127.0.0.1:1/traffic";
        }

        @Override
        public synchronized Optional<TrafficSplit> current(String deployment) {
            return readable ? Optional.ofNullable(served.get(deployment)) : Optional.empty();
        }
    }

    /** What a kill -9 at that point does: nothing after it runs. */
    static final class Crash extends Error {
        Crash(String at) {
            super("crashed at " + at);
        }
    }

    /** Crashes at the n-th boundary passed, and remembers the names of those passed. */
    static final class CrashAt implements EffectBoundaries {
        final int n;
        final List<String> passed = new ArrayList<>();

        CrashAt(int n) {
            this.n = n;
        }

        @Override
        public void at(String boundary) {
            passed.add(boundary);
            if (passed.size() == n) {
                throw new Crash(boundary);
            }
        }
    }

    private static RollbackFixture fixture(Path dir, Webhook router) {
        RollbackFixture f = new RollbackFixture(dir);
        f.env = new RollbackEnvironment(f.registry, f.rollouts, router, f.sim, f.rollbacks, f.audit, f.clock,
                Runnable::run, f.timer, f.liveness);
        f.register(M, "1.0", VersionStatus.STABLE);
        f.register(M, "1.1", VersionStatus.CANDIDATE);
        return f;
    }

    private static GradualRolloutManager manager(RollbackFixture f, TrafficRouter router, EffectBoundaries b) {
        return new GradualRolloutManager(M, new RolloutEnvironment(f.rollouts, f.plainRegistry, f.sim,
                new RegressionHealthComparator(), router, f.clock, null, b), RolloutSettings.defaults("ana"));
    }

    private static RolloutPlan plan() {
        return RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5), Duration.ofSeconds(30),
                UnhealthyPolicy.PAUSE);
    }

    private static final Attribution FORCED = Attribution.of("ana", "forced for the test");

    @Test
    void aStaleWatchCannotUndoARollback() {
        Webhook router = new Webhook();
        try (RollbackFixture f = fixture(root, router)) {
            GradualRolloutManager m = manager(f, router, EffectBoundaries.NONE);
            m.startRollout("1.1", plan(), RollbackFixture.ANA);
            m.completeRollout(true, FORCED);
            assertThat(f.production(M)).isEqualTo("1.1");
            assertThat(router.served.get(M)).isEqualTo(TrafficSplit.stableOnly("1.1"));

            RollbackResult r = f.controller().triggerRollback(M, "1.1", null, "error spike", "oncall", false);
            assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(router.served.get(M)).isEqualTo(TrafficSplit.stableOnly("1.0"));

            // What `rollout watch --deployment hooks` does in a new process: recover, then tick.
            GradualRolloutManager watch = manager(f, router, EffectBoundaries.NONE);
            watch.recover();
            Optional<Rollout> after = watch.tick();
            assertThat(after.orElseThrow().status()).isEqualTo(RolloutStatus.COMPLETED);
            assertThat(f.production(M)).isEqualTo("1.0");
            assertThat(f.status(M, "1.1")).isEqualTo(VersionStatus.FAILED);
            assertThat(router.served.get(M)).isEqualTo(TrafficSplit.stableOnly("1.0"));
            assertThat(watch.drift()).isEmpty();
        }
    }

    @Test
    void driftIsReportedThenRepairedAndAudited() {
        Webhook router = new Webhook();
        try (RollbackFixture f = fixture(root, router)) {
            GradualRolloutManager m = manager(f, router, EffectBoundaries.NONE);
            m.startRollout("1.1", plan(), RollbackFixture.ANA);
            m.completeRollout(true, FORCED);
            // Someone moves production behind PromptDesk's back, and the router restarts with an old split.
            f.plainRegistry.setAlias(M, ModelRegistry.PRODUCTION, "1.0", Attribution.of("mallory", null));
            router.readable = true;
            router.served.put(M, new TrafficSplit("1.0", "1.1", 50));

            List<Drift> drift = m.drift();
            assertThat(drift).extracting(Drift::what).containsExactlyInAnyOrder("alias:production", "traffic");
            assertThat(drift).filteredOn(d -> d.what().equals("traffic")).extracting(Drift::actual)
                    .containsExactly("50% to 1.1, the rest to 1.0");
            ReconcileReport report = m.reconcile();
            assertThat(report.drift()).extracting(Drift::what).contains("alias:production", "traffic");
            assertThat(report.inSync()).isTrue();
            assertThat(f.production(M)).isEqualTo("1.1");
            assertThat(router.served.get(M)).isEqualTo(TrafficSplit.stableOnly("1.1"));
            assertThat(m.drift()).isEmpty();
            assertThat(f.audit.entries(M, 50)).extracting(AuditEntry::action).contains("drift_repaired");
        }
    }

    @Test
    void anActionFromAnOlderGenerationIsRefusedAndAudited() {
        Webhook router = new Webhook();
        try (RollbackFixture f = fixture(root, router)) {
            GradualRolloutManager m = manager(f, router, EffectBoundaries.NONE);
            m.startRollout("1.1", plan(), RollbackFixture.ANA);
            DesiredState now = f.rollouts.desired(M).orElseThrow();
            // Another desk takes the deployment over (a newer generation owned by someone else).
            assertThat(f.rollouts.saveDesired(DesiredState.next(now, M, "registry", "1.0", null, 0, null, Map.of(),
                    "registry alias set production 1.0", f.clock.instant(), "bob"))).isTrue();
            int next = m.status().plan().stages().get(1);
            assertThatThrownBy(() -> m.updateTrafficPercentage(next, true, FORCED))
                    .isInstanceOf(RolloutException.class).hasMessageContaining("generation");
            assertThat(m.status().currentPercentage()).isEqualTo(m.status().plan().stages().get(0));
            assertThat(f.audit.entries(M, 50)).extracting(AuditEntry::action).contains("fenced");
            // Stopping it is still allowed, and leaves the other desk's desired state alone.
            m.abortRollout(Attribution.of("ana", "stop"));
            assertThat(f.rollouts.desired(M).orElseThrow().owner()).isEqualTo("registry");
        }
    }

    @Test
    void aRollbackWhoseTrafficChangeFailedIsFinishedByTheNextTriggerInTheSameRecord() {
        Webhook router = new Webhook();
        try (RollbackFixture f = fixture(root, router)) {
            GradualRolloutManager m = manager(f, router, EffectBoundaries.NONE);
            m.startRollout("1.1", plan(), RollbackFixture.ANA);
            m.updateTrafficPercentage(50, true, FORCED);
            router.failures = 1000;
            RollbackResult first = f.controller().triggerRollback(M, "1.1", null, "errors", "oncall", false);
            assertThat(first.status()).isNotEqualTo(RollbackStatus.SUCCESS);
            assertThat(router.served.get(M)).isEqualTo(new TrafficSplit("1.0", "1.1", 50));
            assertThat(m.drift()).extracting(Drift::what).containsExactly("traffic");

            router.failures = 0;
            RollbackResult second = f.controller().triggerRollback(M, "1.1", null, "errors", "oncall", false);
            assertThat(second.rollbackId()).isEqualTo(first.rollbackId());
            assertThat(second.status()).isEqualTo(RollbackStatus.SUCCESS);
            assertThat(router.served.get(M)).isEqualTo(TrafficSplit.stableOnly("1.0"));
            assertThat(m.drift()).isEmpty();
            assertThat(f.controller().steps(first.rollbackId())).extracting(s -> s.detail() == null ? "" : s.detail())
                    .anyMatch(d -> d.startsWith("tried again by oncall"));
        }
    }

    /**
     * Kills the engines at every effect boundary of a rollout (start, advance, complete) and the rollback that
     * follows, one boundary per run; the next command (a fresh manager and controller) must leave no drift, and the
     * world must say what the record says.
     */
    @Test
    void aCrashAtAnyEffectBoundaryLeavesNoDriftAfterTheNextCommand() {
        Set<String> crashedAt = new LinkedHashSet<>();
        int run = 1;
        while (true) {
            Webhook router = new Webhook();
            try (RollbackFixture f = fixture(root.resolve("run-" + run), router)) {
                CrashAt hook = new CrashAt(run);
                boolean crashed = false;
                try {
                    GradualRolloutManager m = manager(f, router, hook);
                    m.startRollout("1.1", plan(), RollbackFixture.ANA);
                    m.updateTrafficPercentage(50, true, FORCED);
                    m.completeRollout(true, FORCED);
                    f.env = f.env.withBoundaries(hook);
                    f.controller().triggerRollback(M, "1.1", null, "errors after completion", "oncall", false);
                } catch (Crash c) {
                    crashed = true;
                    crashedAt.add(hook.passed.get(hook.passed.size() - 1) + " #" + run);
                }
                f.env = f.env.withBoundaries(EffectBoundaries.NONE);
                // A reader sees a rollback whose process died as interrupted at once, never as running.
                assertThat(f.controller().getRollbackHistory(M, 5, false)).extracting(RollbackResult::status)
                        .as("run %d", run).doesNotContain(RollbackStatus.RUNNING);
                // The next command: finish an interrupted rollback, reconcile the deployment.
                f.controller().resumeInterrupted("oncall");
                GradualRolloutManager next = manager(f, router, EffectBoundaries.NONE);
                ReconcileReport report = next.reconcile();
                assertThat(report.remaining()).as("run %d", run).isEmpty();
                assertThat(next.drift()).as("run %d", run).isEmpty();
                recordAndWorldAgree(f, router, run);
                if (!crashed) {
                    break;
                }
                run++;
            }
        }
        assertThat(crashedAt).hasSizeGreaterThan(15);
        assertThat(String.join(",", crashedAt)).contains("before:router", "after:router", "before:store:switch",
                "after:store:switch", "before:store:desired", "after:store:rollout", "after:store:confirm",
                "before:registry");
    }

    private static void recordAndWorldAgree(RollbackFixture f, Webhook router, int run) {
        Optional<DesiredState> desired = f.rollouts.desired(M);
        if (desired.isEmpty()) {
            assertThat(f.rollouts.latest(M)).as("run %d", run).isEmpty();
            return;
        }
        DesiredState s = desired.get();
        assertThat(router.served.get(M)).as("run %d: traffic", run).isEqualTo(s.split());
        assertThat(f.production(M)).as("run %d: production", run).isEqualTo(s.production());
        Rollout r = f.rollouts.latest(M).orElseThrow();
        Optional<RollbackResult> rb = f.controller().getRollbackHistory(M, 1, false).stream().findFirst();
        if (rb.isPresent() && rb.get().status() == RollbackStatus.SUCCESS) {
            assertThat(s.production()).as("run %d", run).isEqualTo(rb.get().toVersion());
            assertThat(s.canary()).isNull();
        } else if (r.status().active()) {
            assertThat(s.canary()).as("run %d", run).isEqualTo(r.newVersion());
            assertThat(s.canaryPercent()).as("run %d", run).isEqualTo(r.currentPercentage());
        } else if (r.status() == RolloutStatus.COMPLETED) {
            assertThat(s.production()).as("run %d", run).isEqualTo(r.newVersion());
        }
    }
}
