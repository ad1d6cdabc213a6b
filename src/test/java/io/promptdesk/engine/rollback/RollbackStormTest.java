package io.promptdesk.engine.rollback;

import io.promptdesk.engine.audit.AuditingRolloutRepository;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.JdbcRollbackRepository;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty on-call engineers press "roll back" at the same moment, each from their own process (here: their own
 * connection to the workspace file, as separate processes have): every one of them gets the same successful
 * rollback, and none fails with "database is locked".
 */
class RollbackStormTest {
    private static final int TRIGGERS = 50;

    @TempDir
    Path dir;

    /** One process's engines on the shared workspace file. */
    private static final class Desk implements AutoCloseable {
        final Database db;
        final RollbackController controller;
        final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rollback");
            t.setDaemon(true);
            return t;
        });

        Desk(Path file, int n) {
            db = Database.open(file);
            Clock clock = Clock.systemUTC();
            ModelRegistry registry = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
            JdbcAuditLog audit = new JdbcAuditLog(db);
            RolloutRepository rollouts = new AuditingRolloutRepository(new JdbcRolloutRepository(db), audit);
            MetricsSource none = (d, v, m, from, to) -> new double[0];
            RollbackEnvironment env = new RollbackEnvironment(registry, rollouts, (d, s, c, p) -> { }, none,
                    new JdbcRollbackRepository(db), audit, clock, worker, RollbackTimer.SYSTEM,
                    new FakeLiveness("desk/" + n));
            controller = new RollbackController(env, RollbackSettings.defaults());
        }

        @Override
        public void close() {
            worker.shutdownNow();
            db.close();
        }
    }

    @Test
    void fiftySimultaneousTriggersAllJoinOneRollback() throws Exception {
        Path file = Workspace.databaseFile(dir);
        try (RollbackFixture f = new RollbackFixture(dir)) {
            f.register("hooks", "1.0", VersionStatus.STABLE);
            f.register("hooks", "1.1", VersionStatus.STABLE);
        }
        List<Desk> desks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(TRIGGERS);
        try {
            for (int i = 0; i < TRIGGERS; i++) {
                desks.add(new Desk(file, i));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RollbackResult>> results = new ArrayList<>();
            for (Desk d : desks) {
                results.add(pool.submit(() -> {
                    go.await();
                    return d.controller.triggerRollback("hooks", "1.1", null, "error storm", "oncall", false);
                }));
            }
            go.countDown();
            List<RollbackResult> done = new ArrayList<>();
            for (Future<RollbackResult> r : results) {
                done.add(r.get());
            }
            assertThat(done).extracting(RollbackResult::status).containsOnly(RollbackStatus.SUCCESS);
            Set<String> ids = done.stream().map(RollbackResult::rollbackId).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(desks.get(0).controller.getRollbackHistory("hooks", 10, false)).hasSize(1);
        } finally {
            pool.shutdownNow();
            desks.forEach(Desk::close);
        }
    }
}
