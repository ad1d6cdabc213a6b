package io.promptdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutEventKind;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.json.Json;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One driver per rollout, with desks as separate processes on a real PostgreSQL 15: two `promptdesk rollout watch`
 * processes watch one rollout; only the one holding the lease runs health checks; when it is killed with -9, the
 * other takes over and the takeover is an event in the rollout's log (and its audit).
 */
class TeamStoreTakeoverTest {
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void whenTheDrivingDeskDiesAnotherTakesOverAndTheLogSaysSo() throws Exception {
        String url = LocalPostgres.shared().newDatabase();
        Database.openAndMigrate(LocalPostgres.superuser(url), DatabaseOptions.defaults()).close();
        String rolloutId;
        try (Engines e = engines(url)) {
            Attribution by = Attribution.of("ana", "release");
            e.registry().register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                    VersionStatus.STABLE, Map.of()), by);
            e.registry().register(NewVersion.candidate("hooks", "1.1", "Write a short hook about {topic}"), by);
            rolloutId = e.manager("hooks").startRollout("1.1", RolloutPlan.of(null, null, null, null,
                    Duration.ofHours(1), Duration.ofSeconds(1), UnhealthyPolicy.PAUSE), by).rolloutId();
        }
        List<Process> processes = new ArrayList<>();
        try {
            Process a = desk(url, "a");
            processes.add(a);
            BlockingQueue<JsonNode> fromA = lines(a);
            // Desk A drives: its health checks run.
            assertThat(next(fromA, n -> n.path("type").asText().equals("health_check"))).isNotNull();

            Process b = desk(url, "b");
            processes.add(b);
            BlockingQueue<JsonNode> fromB = lines(b);
            assertThat(next(fromB, n -> n.path("type").asText().equals("status"))).isNotNull();

            a.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            JsonNode takeover = next(fromB, n -> n.path("type").asText().equals("event")
                    && n.path("kind").asText().equals("taken_over"));
            assertThat(takeover).as("desk B took the rollout over").isNotNull();
            assertThat(takeover.path("reason").asText()).contains("stopped renewing its lease");
            // ... and drives it from there.
            assertThat(next(fromB, n -> n.path("type").asText().equals("health_check"))).isNotNull();
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        try (Engines e = engines(url)) {
            List<RolloutEvent> events = e.rollouts().events(rolloutId);
            assertThat(events).extracting(RolloutEvent::kind).containsOnlyOnce(RolloutEventKind.TAKEN_OVER);
            AuditVerification v = e.audit().verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
        }
    }

    private Engines engines(String url) {
        return Engines.open(Engines.Config.of(dir.resolve("setup")).withActor("ana")
                .withStore(new StoreSettings(StoreSettings.POSTGRESQL, url, LocalPostgres.SUPERUSER, "PD_PASSWORD",
                        null))
                .withEnvironment(k -> k.equals("PD_PASSWORD") ? LocalPostgres.SUPERUSER_PASSWORD : null));
    }

    /** A desk: `promptdesk rollout watch --simulate --follow` on the team store, a JVM of its own. */
    private Process desk(String url, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.promptdesk.Main", "rollout", "watch", "--deployment",
                "hooks", "--simulate", "--follow", "--workspace", dir.resolve(name).toString(), "--store-url",
                url.replace("postgresql://", "postgresql://" + LocalPostgres.SUPERUSER + "@"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        pb.environment().put("PGPASSWORD", LocalPostgres.SUPERUSER_PASSWORD);
        return pb.start();
    }

    /** The process's JSON lines, read on a daemon thread. */
    private static BlockingQueue<JsonNode> lines(Process p) {
        BlockingQueue<JsonNode> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    try {
                        q.add(Json.mapper().readTree(line));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        // not a JSON line
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }, "desk-output");
        t.setDaemon(true);
        t.start();
        return q;
    }

    /** The first line that matches, waiting at most {@link #BOUND}; null when none came. */
    private static JsonNode next(BlockingQueue<JsonNode> q, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonNode n = q.poll(left, TimeUnit.NANOSECONDS);
            if (n == null || wanted.test(n)) {
                return n;
            }
        }
    }
}
