package io.promptdesk.engine.rollout;

import com.fasterxml.jackson.core.type.TypeReference;
import io.promptdesk.json.Json;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at random points of rollouts, many times: each restart comes back in the last committed state (status,
 * stage, percentage, stage clock, revision) with its traffic split re-applied, and the history never holds half a
 * change.
 */
class KillRestartTest {
    private static final int KILLS = 20;
    private static final double TIME_SCALE = 300;

    @TempDir
    Path dir;

    @Test
    void everyRestartResumesTheLastCommittedState() throws Exception {
        Random random = new Random(20_250_301L);
        long origin = System.currentTimeMillis();
        Map<String, Object> expected = Map.of();
        int kills = 0;
        int commitsSeen = 0;
        String end = null;
        while (end == null) {
            boolean kill = kills < KILLS;
            int killAfter = random.nextInt(5);
            Process child = start(origin, kills, kill ? "loop" : "once");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = lines.readLine();
                assertThat(first).as("first line of run %d", kills).startsWith("LOADED ");
                Map<String, Object> loaded = Json.mapper().readValue(first.substring(7), new TypeReference<>() {
                });
                assertThat(loaded).as("state recovered by run %d", kills).isEqualTo(expected);
                int read = 0;
                String line;
                while ((!kill || read < killAfter) && (line = lines.readLine()) != null) {
                    read++;
                    if (!kill && line.startsWith("DONE ")) {
                        end = line.substring(5);
                    }
                }
                commitsSeen += read;
                if (kill) {
                    child.destroyForcibly();
                    kills++;
                }
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            expected = committedState();
        }
        assertThat(kills).isEqualTo(KILLS);
        assertThat(commitsSeen).isGreaterThan(KILLS);
        assertThat(end).isEqualTo("completed");
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            JdbcRolloutRepository repo = new JdbcRolloutRepository(db);
            Rollout r = repo.latest("hooks").orElseThrow();
            assertThat(r.status().key()).isEqualTo(end);
            List<RolloutEvent> events = repo.events(r.rolloutId());
            assertThat(events.get(0).kind()).isEqualTo(RolloutEventKind.STARTED);
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).fromPercentage()).isEqualTo(events.get(i - 1).toPercentage());
                assertThat(events.get(i).fromStatus()).isEqualTo(events.get(i - 1).toStatus());
            }
        }
    }

    /** What the store holds now, checked for internal consistency, as the driver describes a recovered state. */
    private Map<String, Object> committedState() {
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            JdbcRolloutRepository repo = new JdbcRolloutRepository(db);
            Rollout r = repo.latest("hooks").orElse(null);
            if (r == null) {
                return Map.of();
            }
            List<RolloutEvent> events = repo.events(r.rolloutId());
            RolloutEvent last = events.get(events.size() - 1);
            assertThat(List.of(last.toStatus(), last.toPercentage(), last.stage()))
                    .isEqualTo(List.of(r.status(), r.currentPercentage(), r.currentStage()));
            // Every commit after the start is a health check (with or without a transition) or a resume.
            long resumes = events.stream().filter(e -> e.kind() == RolloutEventKind.RESUMED).count();
            assertThat(r.revision()).isEqualTo(1 + repo.healthChecks(r.rolloutId()).size() + resumes);
            Map<String, Object> state = new java.util.LinkedHashMap<>(KillRestartDriver.describe(r, null));
            state.put("routed_percent", r.status().active() ? r.currentPercentage() : 0);
            return Json.mapper().convertValue(state, new TypeReference<Map<String, Object>>() {
            });
        }
    }

    private Process start(long origin, int run, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), KillRestartDriver.class.getName(), dir.toString(),
                Long.toString(origin), Double.toString(TIME_SCALE), Integer.toString(run), mode));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("java.io.tmpdir"))).start();
    }
}
