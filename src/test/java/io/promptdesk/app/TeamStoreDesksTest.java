package io.promptdesk.app;

import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.audit.AuditVerification;
import io.promptdesk.engine.rollback.RollbackRecord;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several desks at once on the team store, each a process of its own on a real PostgreSQL 15: concurrent rollback
 * triggers from two desks run exactly one rollback per model, every caller gets that rollback's result, and the
 * audit chain stays one verifiable line.
 */
class TeamStoreDesksTest {
    @TempDir
    Path dir;

    private Engines engines(String url, String actor) {
        return Engines.open(Engines.Config.of(dir.resolve(actor)).withActor(actor)
                .withStore(new StoreSettings(StoreSettings.POSTGRESQL, url, LocalPostgres.SUPERUSER, "PD_UNUSED",
                        null)).withEnvironment(k -> k.equals("PD_UNUSED") ? LocalPostgres.SUPERUSER_PASSWORD : null));
    }

    private String storeWith(List<String> models) {
        String url = LocalPostgres.shared().newDatabase();
        try (var init = io.promptdesk.store.Database.openAndMigrate(LocalPostgres.superuser(url),
                io.promptdesk.store.DatabaseOptions.defaults());
             Engines e = engines(url, "ana")) {
            ModelRegistry registry = e.registry();
            Attribution by = Attribution.of("ana", "release");
            for (String m : models) {
                for (String v : List.of("1.0", "1.1")) {
                    registry.register(new NewVersion(m, v, "Write a hook about {topic}, take " + v, null, null,
                            VersionStatus.STABLE, Map.of()), by);
                }
            }
        }
        return url;
    }

    @Test
    void twoDesksTimesTwentyFiveTriggersRunExactlyOneRollback() throws Exception {
        String url = storeWith(List.of("hooks"));
        List<String> results = storm(url, List.of("hooks"), 25);
        assertThat(results).hasSize(50).allMatch(l -> l.startsWith("RESULT hooks "), "every caller got a result");
        assertThat(results.stream().map(l -> l.split(" ")[3]).collect(Collectors.toSet())).containsExactly("success");
        assertThat(results.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet())).hasSize(1);
        try (Engines e = engines(url, "auditor")) {
            List<RollbackRecord> history = e.rollbackStore().history("hooks", 100);
            assertThat(history).hasSize(1);
            assertThat(e.registry().resolve("hooks", ModelRegistry.PRODUCTION)).get()
                    .extracting(v -> v.version()).isEqualTo("1.0");
            AuditVerification v = e.audit().verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
        }
    }

    @Test
    void aHundredTriggersOnTenModelsFromTwoDesksRunExactlyTen() throws Exception {
        List<String> models = IntStream.range(0, 10).mapToObj(i -> "model-" + i).toList();
        String url = storeWith(models);
        List<String> results = storm(url, models, 5);
        assertThat(results).hasSize(100).allMatch(l -> l.startsWith("RESULT "), "every caller got a result");
        Map<String, Set<String>> idsByModel = results.stream().map(l -> l.split(" "))
                .collect(Collectors.groupingBy(f -> f[1], Collectors.mapping(f -> f[2], Collectors.toSet())));
        assertThat(idsByModel).hasSize(10).allSatisfy((m, ids) -> assertThat(ids).as(m).hasSize(1));
        try (Engines e = engines(url, "auditor")) {
            for (String m : models) {
                assertThat(e.rollbackStore().history(m, 100)).as(m).hasSize(1);
            }
            AuditVerification v = e.audit().verify();
            assertThat(v.intact()).as(v.problem()).isTrue();
        }
    }

    /** Two desk processes fire {@code perModel} triggers per model each, at once; every result line of both. */
    private List<String> storm(String url, List<String> models, int perModel) throws Exception {
        List<Process> desks = new ArrayList<>();
        try {
            for (String desk : List.of("desk-a", "desk-b")) {
                desks.add(start(url, String.join(",", models), perModel, desk));
            }
            List<BufferedReader> outs = new ArrayList<>();
            for (Process p : desks) {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8));
                String first = r.readLine();
                assertThat(first).as("the desk started").isEqualTo("READY");
                outs.add(r);
            }
            for (Process p : desks) {
                OutputStream in = p.getOutputStream();
                in.write("go\n".getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
            List<String> lines = new ArrayList<>();
            for (BufferedReader r : outs) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            for (Process p : desks) {
                assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isZero();
            }
            return lines;
        } finally {
            desks.forEach(Process::destroyForcibly);
        }
    }

    private Process start(String url, String models, int perModel, String desk) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx160m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), TeamStormDriver.class.getName(), url, models,
                Integer.toString(perModel), desk));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .directory(new File(System.getProperty("java.io.tmpdir")));
        pb.environment().put("PGPASSWORD", LocalPostgres.SUPERUSER_PASSWORD);
        return pb.start();
    }
}
