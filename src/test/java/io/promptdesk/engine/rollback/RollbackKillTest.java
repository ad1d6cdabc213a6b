package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditEntry;
import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryEventKind;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at seeded random points of rollbacks, many times. After each kill the store is opened as a restarted
 * process would: every rollback is either finished or marked interrupted; the registry, the rollback's record and
 * the audit log agree on whether its switch happened; and resuming finishes the interrupted ones.
 */
class RollbackKillTest {
    private static final int KILLS = 15;

    @TempDir
    Path dir;

    @Test
    void everyKilledRollbackIsRecordedAsInterruptedAndCanBeFinished() throws Exception {
        Random random = new Random(20_250_302L);
        int interrupted = 0;
        int switchedAtKill = 0;
        TreeMap<String, Integer> killedAt = new TreeMap<>();
        for (int kill = 0; kill < KILLS; kill++) {
            int linesBeforeKill = 1 + random.nextInt(30);
            Process child = start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).as("child %d started", kill).isEqualTo("READY");
                String last = null;
                for (int i = 0; i < linesBeforeKill; i++) {
                    last = lines.readLine();
                    assertThat(last).as("child %d is alive", kill).isNotNull();
                }
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                killedAt.merge(last.split(" ")[0] + (last.startsWith("STEP") ? " " + last.split(" ")[2] : ""), 1,
                        Integer::sum);
            }
            int[] found = recoverAndCheck();
            interrupted += found[0];
            switchedAtKill += found[1];
        }
        LoggerFactory.getLogger(RollbackKillTest.class).info("{} kills; {} left a rollback interrupted, {} of them "
                + "after its switch; last line read before each kill: {}", KILLS, interrupted, switchedAtKill, killedAt);
        assertThat(interrupted).as("kills that landed inside a rollback (last lines read: %s)", killedAt)
                .isPositive();
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            List<RollbackRecord> all = new JdbcRollbackRepository(db).history("hooks", 1000);
            assertThat(all.size()).isGreaterThanOrEqualTo(KILLS);
            assertThat(all).allSatisfy(r -> assertThat(r.status()).isEqualTo(RollbackStatus.SUCCESS));
        }
    }

    /**
     * Opens the store as the next process would, checks it, resumes what was interrupted; returns how many were,
     * and how many of those had switched.
     */
    private int[] recoverAndCheck() {
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            Clock clock = Clock.systemUTC();
            ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
            JdbcAuditLog audit = new JdbcAuditLog(db);
            JdbcRollbackRepository rollbacks = new JdbcRollbackRepository(db);
            MetricsSource none = (deployment, version, metric, from, to) -> new double[0];
            RollbackController controller = new RollbackController(new RollbackEnvironment(registry,
                    new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit), (d, s, c, p) -> {
            }, none, rollbacks, audit, clock, Runnable::run, RollbackTimer.SYSTEM, RunnerLiveness.ofProcess()),
                    RollbackSettings.defaults());
            List<RollbackRecord> found = controller.recoverInterrupted();
            List<RollbackRecord> all = rollbacks.history("hooks", 1000);
            assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.rollbackId())
                    .isIn(RollbackStatus.SUCCESS, RollbackStatus.INTERRUPTED));
            assertThat(found).allSatisfy(r -> assertThat(r.status()).isEqualTo(RollbackStatus.INTERRUPTED));
            for (RollbackRecord r : all) {
                assertAgree(r, registry, rollbacks, audit);
            }
            assertThat(audit.verify().intact()).as("audit chain after a kill").isTrue();

            List<RollbackOutcome> resumed = controller.resumeInterrupted("restart");
            assertThat(resumed).hasSameSizeAs(found).allSatisfy(o -> {
                assertThat(o.origin()).isEqualTo(RollbackOutcome.Origin.RESUMED);
                assertThat(o.result().status()).isEqualTo(RollbackStatus.SUCCESS);
            });
            for (RollbackOutcome o : resumed) {
                RollbackRecord r = rollbacks.find(o.result().rollbackId()).orElseThrow();
                assertAgree(r, registry, rollbacks, audit);
                assertThat(registry.get("hooks", r.fromVersion()).status()).isEqualTo(VersionStatus.FAILED);
            }
            assertThat(controller.recoverInterrupted()).isEmpty();
            assertThat(audit.verify().intact()).isTrue();
            return new int[]{found.size(), (int) found.stream().filter(RollbackRecord::switched).count()};
        }
    }

    /** The rollback's record, its steps, the registry's history and the audit log say the same about the switch. */
    private static void assertAgree(RollbackRecord r, ModelRegistry registry, JdbcRollbackRepository rollbacks,
                                    JdbcAuditLog audit) {
        List<RegistryEvent> changes = registry.history("hooks").stream()
                .filter(e -> e.reason() != null && e.reason().startsWith("rollback " + r.rollbackId() + " "))
                .toList();
        boolean productionMoved = changes.stream().anyMatch(e -> e.kind() == RegistryEventKind.ALIAS_MOVED
                && ModelRegistry.PRODUCTION.equals(e.name()) && r.toVersion().equals(e.to()));
        boolean markedFailed = changes.stream().anyMatch(e -> e.kind() == RegistryEventKind.STATUS_CHANGED
                && r.fromVersion().equals(e.version()) && "failed".equals(e.to()));
        Set<String> steps = rollbacks.steps(r.rollbackId()).stream()
                .map(s -> s.step().key() + " " + s.state().key()).collect(Collectors.toSet());
        Set<String> actions = audit.entries("hooks", 100_000).stream()
                .filter(e -> e.subjectId().equals(r.rollbackId())).map(AuditEntry::action)
                .collect(Collectors.toSet());
        assertThat(List.of(productionMoved, markedFailed, steps.contains("switch done"),
                actions.contains("rollback_switched"))).as("switch of %s (%s at %s)", r.rollbackId(),
                r.status().key(), r.step().key()).containsOnly(r.switched());
        assertThat(actions).contains("rollback_started");
        assertThat(actions.contains("rollback_interrupted")).isEqualTo(steps.stream()
                .anyMatch(s -> s.endsWith(" failed")) && !actions.contains("rollback_failed"));
    }

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), RollbackKillDriver.class.getName(), dir.toString()));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("java.io.tmpdir"))).start();
    }
}
