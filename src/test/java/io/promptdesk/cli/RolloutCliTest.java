package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutCliTest {

    @TempDir
    Path dir;
    private String ws;

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    static CommandLine commandLine() {
        return PromptDeskCommand.commandLine();
    }

    private Result run(String... args) {
        CommandLine cl = commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", ws, "--actor", "ana"));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void workspace() throws Exception {
        ws = dir.resolve("ws").toString();
        Files.writeString(dir.resolve("v1.prompt"), "Write a hook about {topic}");
        Files.writeString(dir.resolve("v2.prompt"), "Write a short hook about {topic}");
        Files.writeString(dir.resolve("bad.prompt"), "line one\nHi {topic");
    }

    private void registerBoth() {
        assertThat(run("registry", "register", "--model", "hooks", "--version", "1.0", "--template-file",
                dir.resolve("v1.prompt").toString(), "--status", "stable").exit()).isZero();
        assertThat(run("registry", "register", "--model", "hooks", "--version", "1.1", "--template-file",
                dir.resolve("v2.prompt").toString(), "--tag", "team=growth").exit()).isZero();
    }

    @Test
    void theRegistryRegistersListsShowsAndMovesAliases() throws Exception {
        Result first = run("registry", "register", "--model", "hooks", "--version", "1.0", "--template-file",
                dir.resolve("v1.prompt").toString(), "--status", "stable", "--json");
        assertThat(first.exit()).isZero();
        assertThat(first.json().get("status").asText()).isEqualTo("stable");
        assertThat(first.json().get("created_by").asText()).isEqualTo("ana");
        Result second = run("registry", "register", "--model", "hooks", "--version", "1.1", "--template-file",
                dir.resolve("v2.prompt").toString());
        assertThat(second.out()).startsWith("registered hooks 1.1 (candidate, python_format)");
        Result alias = run("registry", "alias", "set", "--model", "hooks", "--alias", "canary", "--version", "1.1",
                "--reason", "try it");
        assertThat(alias.out()).isEqualTo("hooks: canary -> 1.1" + System.lineSeparator());
        assertThat(run("registry", "list").out()).contains("hooks  2 version(s)  canary=1.1 production=1.0");
        assertThat(run("registry", "list", "--model", "hooks").out()).contains("1.0  stable  by ana")
                .contains("[production]").contains("1.1  candidate");
        JsonNode shown = run("registry", "show", "--model", "hooks", "--version", "1.1", "--json").json();
        assertThat(shown.get("template").asText()).isEqualTo("Write a short hook about {topic}");
        assertThat(shown.get("aliases").toString()).isEqualTo("[\"canary\"]");
        assertThat(shown.get("history").get(1).get("kind").asText()).isEqualTo("alias_moved");
        assertThat(shown.get("history").get(1).get("reason").asText()).isEqualTo("try it");
        assertThat(run("registry", "show", "--model", "hooks", "--version", "1.1").out())
                .contains("--- template (python_format)").contains("alias_moved canary null -> 1.1  (try it)");
    }

    @Test
    void registryBadInputExitsTwoWithAClearMessage() {
        Result bad = run("registry", "register", "--model", "hooks", "--version", "1", "--template-file",
                dir.resolve("bad.prompt").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("syntax error").contains("line 2, column 4");
        Result missing = run("registry", "show", "--model", "nope", "--version", "1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no model named nope");
        assertThat(run("registry", "register", "--model", "hooks").exit()).isEqualTo(2);
    }

    @Test
    void aRolloutIsStartedSteeredAndCompletedFromTheCommandLine() throws Exception {
        registerBoth();
        Result start = run("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--initial-percentage", "5",
                "--stages", "5,10,25,50,75,100", "--metrics", "error_rate,latency_p95", "--json");
        assertThat(start.exit()).as(start.err()).isZero();
        List<String> keys = new ArrayList<>();
        start.json().fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rollout_id", "deployment_name", "new_version", "current_stage",
                "current_percentage", "stages", "start_time", "status", "health_status");
        assertThat(start.json().get("current_percentage").asInt()).isEqualTo(5);
        assertThat(run("rollout", "status", "--deployment", "hooks").out())
                .contains("in_progress at 5%").contains("[5] > 10 > 25");
        assertThat(run("rollout", "pause", "--deployment", "hooks").exit()).isEqualTo(2);
        assertThat(run("rollout", "pause", "--deployment", "hooks", "--reason", "lunch").out())
                .contains("paused at 5%").contains("(clock stopped)");
        Result paused = run("rollout", "advance", "--deployment", "hooks", "--percentage", "10");
        assertThat(paused.exit()).isEqualTo(2);
        assertThat(paused.err()).contains("is paused at 5%; allowed now: resume, abort");
        assertThat(run("rollout", "resume", "--deployment", "hooks").exit()).isZero();
        Result gated = run("rollout", "advance", "--deployment", "hooks", "--percentage", "10");
        assertThat(gated.exit()).isEqualTo(1);
        assertThat(gated.err()).contains("advance to 10% refused: the health check is inconclusive")
                .contains("advance with --force --reason");
        assertThat(run("rollout", "advance", "--deployment", "hooks", "--percentage", "10", "--force").exit())
                .isEqualTo(2);
        Result forced = run("rollout", "advance", "--deployment", "hooks", "--percentage", "10", "--force",
                "--reason", "dashboards look fine", "--json");
        assertThat(forced.exit()).isZero();
        assertThat(forced.json().get("current_percentage").asInt()).isEqualTo(10);
        Result done = run("rollout", "complete", "--deployment", "hooks", "--skip-final-checks", "--json");
        assertThat(done.exit()).isZero();
        assertThat(done.json().get("status").asText()).isEqualTo("completed");
        assertThat(run("registry", "list").out()).contains("previous=1.0 production=1.1");
        Result again = run("rollout", "abort", "--deployment", "hooks", "--reason", "too late");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("has ended (completed)");
    }

    @Test
    void rolloutBadInputExitsTwo() {
        registerBoth();
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--stages", "10,5,100").err())
                .contains("strictly increasing");
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "7").err())
                .contains("hooks has no version 7");
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--on-unhealthy", "panic")
                .err()).contains("unknown unhealthy policy 'panic'");
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        Result second = run("rollout", "start", "--deployment", "hooks", "--version", "1.1");
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err()).contains("is canary");
        assertThat(run("rollout", "status", "--deployment", "other").err())
                .contains("no rollout has been started on other");
    }

    @Test
    void watchDrivesASimulatedRolloutToCompletionPrintingOneJsonLinePerEvent() throws Exception {
        registerBoth();
        run("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--stage-duration", "60",
                "--health-check-interval", "10");
        Result watch = run("rollout", "watch", "--deployment", "hooks", "--simulate", "--time-scale", "600");
        assertThat(watch.exit()).as(watch.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : watch.out().split("\\R")) {
            lines.add(Json.mapper().readTree(l));
        }
        assertThat(lines.get(0).get("type").asText()).isEqualTo("status");
        assertThat(lines.get(lines.size() - 1).get("status").asText()).isEqualTo("completed");
        assertThat(lines.stream().filter(l -> l.get("type").asText().equals("event")).map(l -> l.get("kind").asText()
                + " " + l.get("to_percentage").asInt())).containsExactly("advanced 25", "advanced 50", "completed 100");
        assertThat(lines).filteredOn(l -> l.get("type").asText().equals("health_check")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("verdicts").size()).isEqualTo(3));
        assertThat(run("registry", "list").out()).contains("production=1.1");
        Result rerun = run("rollout", "watch", "--deployment", "hooks", "--simulate");
        assertThat(rerun.exit()).isZero();
        assertThat(rerun.out().lines().count()).isEqualTo(2);
    }

    @Test
    void watchWithAFaultRollsBackAndExitsOne() throws Exception {
        registerBoth();
        run("rollout", "start", "--deployment", "hooks", "--version", "1.1", "--stage-duration", "60",
                "--health-check-interval", "10", "--on-unhealthy", "rollback");
        Result watch = run("rollout", "watch", "--deployment", "hooks", "--simulate", "--time-scale", "600",
                "--fault-after", "20");
        assertThat(watch.exit()).isEqualTo(1);
        String last = watch.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(Json.mapper().readTree(last).get("status").asText()).isEqualTo("failed");
        assertThat(watch.out()).contains("\"type\":\"fault\"").contains("\"kind\":\"failed\"");
        assertThat(run("registry", "list", "--model", "hooks").out()).contains("1.1  failed");
    }

    @Test
    void simulateServesPrometheusMetricsOnLoopback() throws Exception {
        registerBoth();
        CommandLine cl = commandLine();
        PipedWriter pipe = new PipedWriter();
        BufferedReader printed = new BufferedReader(new PipedReader(pipe));
        cl.setOut(new PrintWriter(pipe, true));
        cl.setErr(new PrintWriter(new StringWriter()));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(cl.execute("simulate", "--port", "0", "--duration", "1.5", "--rate", "100",
                "--json", "--workspace", ws)));
        t.start();
        JsonNode started = Json.mapper().readTree(printed.readLine());
        URI url = URI.create(started.get("url").asText());
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("# TYPE promptdesk_requests_total counter")
                .contains("promptdesk_traffic_percent{deployment=\"hooks\",version=\"1.0\"} 100");
        t.join();
        assertThat(exit.get()).isZero();
    }

    @Test
    void aWatchAfterARollbackLeavesProductionWhereTheRollbackPutItAndStatusShowsNoDrift() throws Exception {
        registerBoth();
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        assertThat(run("rollout", "complete", "--deployment", "hooks", "--skip-final-checks", "--reason", "test")
                .exit()).isZero();
        Result rb = run("rollback", "--model", "hooks", "--current-version", "1.1", "--target-version", "1.0",
                "--json");
        assertThat(rb.exit()).as(rb.err()).isZero();
        Result watch = run("rollout", "watch", "--deployment", "hooks");
        assertThat(watch.exit()).isZero();
        JsonNode aliases = run("registry", "show", "--model", "hooks", "--version", "1.0", "--json").json()
                .get("aliases");
        assertThat(aliases.toString()).contains("production");
        Result status = run("rollout", "status", "--deployment", "hooks", "--json");
        assertThat(status.exit()).isZero();
        assertThat(status.json().get("drift").isArray()).isTrue();
        assertThat(status.json().get("drift")).isEmpty();
        assertThat(status.json().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void reconcileReportsAndRepairsDriftAndStatusShowsItFirst() throws Exception {
        registerBoth();
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        assertThat(run("rollout", "complete", "--deployment", "hooks", "--skip-final-checks", "--reason", "test")
                .exit()).isZero();
        // Some other tool moves production behind the record's back (a move by `registry alias set` is recorded).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Workspace.databaseFile(Path.of(ws)));
             Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE model_aliases SET version = '1.0' WHERE model_name = 'hooks' "
                    + "AND alias = 'production'")).isEqualTo(1);
        }
        Result status = run("rollout", "status", "--deployment", "hooks", "--json");
        assertThat(status.json().get("drift")).hasSize(1);
        assertThat(status.json().get("drift").get(0).get("what").asText()).isEqualTo("alias:production");
        assertThat(status.json().get("drift").get(0).get("expected").asText()).isEqualTo("1.1");
        Result text = run("rollout", "status", "--deployment", "hooks");
        assertThat(text.out()).contains("drift   hooks alias:production: expected 1.1, found 1.0");

        Result rec = run("reconcile", "--deployment", "hooks", "--json");
        assertThat(rec.exit()).as(rec.err()).isZero();
        JsonNode json = rec.json();
        assertThat(json.get("drift_found").asInt()).isEqualTo(1);
        assertThat(json.get("drift_repaired").asInt()).isEqualTo(1);
        assertThat(json.get("drift_left").asInt()).isZero();
        assertThat(json.get("deployments").get(0).get("drift").get(0).get("repaired").asBoolean()).isTrue();
        assertThat(run("rollout", "status", "--deployment", "hooks", "--json").json().get("drift")).isEmpty();
        Result again = run("reconcile", "--json");
        assertThat(again.exit()).isZero();
        assertThat(again.json().get("drift_found").asInt()).isZero();
        assertThat(run("reconcile", "--deployment", "nope").exit()).isEqualTo(PromptDeskCommand.EXIT_BAD_INPUT);
    }

    @Test
    void aProductionMoveByHandBecomesTheDesiredStateAndIsNotRevertedAsDrift() throws Exception {
        registerBoth();
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        assertThat(run("rollout", "complete", "--deployment", "hooks", "--skip-final-checks", "--reason", "test")
                .exit()).isZero();
        assertThat(run("registry", "alias", "set", "--model", "hooks", "--alias", "production", "--version", "1.0",
                "--reason", "by hand").exit()).isZero();
        assertThat(run("rollout", "status", "--deployment", "hooks", "--json").json().get("drift")).isEmpty();
        Result rec = run("reconcile", "--json");
        assertThat(rec.json().get("drift_found").asInt()).isZero();
        assertThat(run("registry", "show", "--model", "hooks", "--version", "1.0", "--json").json().get("aliases")
                .toString()).contains("production");
    }

    @Test
    void watchEndsOnAPausedRolloutSayingWhyWithExitOne() throws Exception {
        registerBoth();
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.1").exit()).isZero();
        assertThat(run("rollout", "pause", "--deployment", "hooks", "--reason", "checking the dashboards").exit())
                .isZero();
        Result watch = run("rollout", "watch", "--deployment", "hooks");
        assertThat(watch.exit()).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        assertThat(watch.err()).contains("is paused at 10%: checking the dashboards")
                .contains("waits for a person").contains("--follow");
        assertThat(watch.out()).contains("\"status\":\"paused\"");
    }
}
