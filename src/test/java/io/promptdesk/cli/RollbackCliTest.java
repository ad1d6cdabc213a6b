package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.store.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RollbackCliTest {
    @TempDir
    Path dir;
    private String ws;

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.mapper().readTree(out);
        }
    }

    private Result run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", ws));
        int exit = cl.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private String aliases(String version) throws Exception {
        return run("registry", "show", "--model", "hooks", "--version", version, "--json").json().get("aliases")
                .toString();
    }

    @BeforeEach
    void workspace() throws Exception {
        ws = dir.resolve("ws").toString();
        Path template = dir.resolve("t.prompt");
        Files.writeString(template, "Write a hook about {topic}");
        for (String v : List.of("1.0", "1.1")) {
            assertThat(run("registry", "register", "--model", "hooks", "--version", v, "--template-file",
                    template.toString(), "--status", "stable", "--actor", "ana").exit()).isZero();
        }
    }

    @Test
    void rollbackPrintsTheSpecsJsonAndExitsZero() throws Exception {
        Result r = run("rollback", "--model", "hooks", "--current-version", "1.1", "--reason", "error spike",
                "--triggered-by", "ana", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = r.json();
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("rollback_id", "model_name", "from_version", "to_version", "start_time",
                "end_time", "duration_seconds", "status", "health_check_results", "reason", "triggered_by", "sla_met",
                "error");
        assertThat(json.get("status").asText()).isEqualTo("success");
        assertThat(json.get("to_version").asText()).isEqualTo("1.0");
        assertThat(json.get("sla_met").asBoolean()).isTrue();
        assertThat(json.get("triggered_by").asText()).isEqualTo("ana");
        // No metrics reach a one-shot command: the snapshots say so rather than guess.
        assertThat(json.get("health_check_results").get("pre_rollback").get("state").asText()).isEqualTo("no_data");
        assertThat(aliases("1.0")).contains("production");
        assertThat(aliases("1.1")).contains("previous");
    }

    @Test
    void theSameRollbackTwiceRollsBackOnce() {
        Result first = run("rollback", "--model", "hooks", "--current-version", "1.1");
        Result again = run("rollback", "--model", "hooks", "--current-version", "1.1");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).startsWith("hooks 1.1 -> 1.0: success in ").contains("(SLA met)");
        assertThat(again.exit()).isZero();
        assertThat(again.err()).contains("not rolled back twice");
        String id = first.out().substring(first.out().indexOf("[rb-") + 1, first.out().indexOf(']'));
        assertThat(again.out()).contains(id);
        Result history = run("history", "--model", "hooks");
        assertThat(history.exit()).isZero();
        assertThat(history.out().lines()).singleElement().asString().startsWith(id).contains("1.1 -> 1.0")
                .contains("success").contains("Performance regression detected");
    }

    @Test
    void historyListsTheSpecsJsonMostRecentFirst() throws Exception {
        assertThat(run("history", "--model", "hooks").out()).contains("has never been rolled back");
        run("rollback", "--model", "hooks", "--current-version", "1.1", "--triggered-by", "ana");
        Result r = run("history", "--model", "hooks", "--limit", "5", "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).get("triggered_by").asText()).isEqualTo("ana");
        assertThat(run("history", "--model", "hooks", "--limit", "0").exit()).isEqualTo(2);
        assertThat(run("history", "--model", "nope").exit()).isEqualTo(2);
    }

    @Test
    void badInputExitsTwoWithAClearMessage() throws Exception {
        Result unknown = run("rollback", "--model", "nope", "--current-version", "1.1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no model named nope");
        Result same = run("rollback", "--model", "hooks", "--current-version", "1.1", "--target-version", "1.1");
        assertThat(same.exit()).isEqualTo(2);
        assertThat(same.err()).contains("is the current version");
        Result longReason = run("rollback", "--model", "hooks", "--current-version", "1.1", "--reason",
                "r".repeat(10_001));
        assertThat(longReason.exit()).isEqualTo(2);
        assertThat(longReason.err()).contains("at most 10,000");
        Result notDeployed = run("rollback", "--model", "hooks", "--current-version", "1.0");
        assertThat(notDeployed.exit()).isEqualTo(2);
        assertThat(notDeployed.err()).contains("is not deployed");
        Result missing = run("rollback", "--current-version", "1.1");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--model");
        Path template = dir.resolve("t.prompt");
        run("registry", "register", "--model", "hooks", "--version", "1.2", "--template-file", template.toString());
        Result refused = run("rollback", "--model", "hooks", "--current-version", "1.1", "--target-version", "1.2");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("target refused").contains("never a stable version");
        assertThat(aliases("1.1")).contains("production");
    }

    @Test
    void aCorruptStoreIsNamedAndNothingRuns() throws Exception {
        Path other = dir.resolve("corrupt");
        Files.createDirectories(other);
        Files.writeString(Workspace.databaseFile(other), "not a database at all ".repeat(100));
        ws = other.toString();
        Result r = run("rollback", "--model", "hooks", "--current-version", "1.1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a PromptDesk database or is damaged");
        assertThat(run("audit", "verify").exit()).isEqualTo(2);
    }

    @Test
    void auditVerifyCoversRolloutsAndRollbacksAndNamesATamperedRow() throws Exception {
        Path template = dir.resolve("t.prompt");
        run("registry", "register", "--model", "hooks", "--version", "1.2", "--template-file", template.toString());
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.2", "--actor", "ana").exit())
                .isZero();
        assertThat(run("rollback", "--model", "hooks", "--current-version", "1.2").exit()).isZero();
        Result ok = run("audit", "verify");
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("audit log intact: ");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Workspace.databaseFile(Path.of(ws)));
             Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER audit_log_no_update");
            s.execute("UPDATE audit_log SET actor = 'mallory' WHERE action = 'rollout_started'");
        }
        Result broken = run("audit", "verify");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.out()).startsWith("audit log BROKEN at row ").contains("its keyed hash does not match");
    }

    @Test
    void auditVerifyDetectsAnEditedTriggerAndAnEditedRolloutEvent() throws Exception {
        Path template = dir.resolve("t.prompt");
        run("registry", "register", "--model", "hooks", "--version", "1.2", "--template-file", template.toString());
        assertThat(run("rollout", "start", "--deployment", "hooks", "--version", "1.2", "--actor", "ana").exit())
                .isZero();
        assertThat(run("rollback", "--model", "hooks", "--current-version", "1.2", "--triggered-by", "bob").exit())
                .isZero();
        assertThat(run("audit", "verify").exit()).isZero();
        String db = "jdbc:sqlite:" + Workspace.databaseFile(Path.of(ws));
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("UPDATE rollbacks SET triggered_by = 'mallory'");
        }
        Result byMallory = run("audit", "verify");
        assertThat(byMallory.exit()).isEqualTo(1);
        assertThat(byMallory.out()).contains("triggered by mallory").contains("recorded bob");
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("UPDATE rollbacks SET triggered_by = 'bob'");
            s.execute("DROP TRIGGER rollout_events_no_update");
            s.execute("UPDATE rollout_events SET actor = 'mallory' WHERE seq = 1");
        }
        Result event = run("audit", "verify");
        assertThat(event.exit()).isEqualTo(1);
        assertThat(event.out()).contains("started by mallory").contains("history was edited");
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("UPDATE rollout_events SET actor = 'ana' WHERE seq = 1");
            s.execute("UPDATE rollbacks SET status = 'failed'");
        }
        Result outcome = run("audit", "verify");
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.out()).contains("says failed but the audit log last recorded rollback_succeeded");
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("UPDATE rollbacks SET status = 'success'");
            s.execute("DROP TRIGGER registry_events_no_update");
            s.execute("UPDATE registry_events SET actor = 'mallory' WHERE model_name = 'hooks' AND seq = 1");
        }
        Result registry = run("audit", "verify");
        assertThat(registry.exit()).isEqualTo(1);
        assertThat(registry.out()).contains("registry change 1").contains("by mallory")
                .contains("registry's history was edited");
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
            s.execute("UPDATE registry_events SET actor = (SELECT actor FROM audit_log WHERE subject_id = "
                    + "'registry_events#1' AND model_name = 'hooks') WHERE model_name = 'hooks' AND seq = 1");
        }
        assertThat(run("audit", "verify").exit()).isZero();
    }

    @Test
    void aRollbackFinishedPastItsSlaExitsOne() throws Exception {
        run("registry", "list");
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + Workspace.databaseFile(Path.of(ws)));
             Statement s = c.createStatement()) {
            // A rollback started two minutes ago on another desk, whose process is gone: its deadline has passed.
            s.execute("INSERT INTO rollbacks (rollback_id, model_name, from_version, to_version, reason, "
                    + "triggered_by, skip_validation, status, step, switched, start_time, deadline, owner, revision) "
                    + "VALUES ('rb-old', 'hooks', '1.1', '1.0', 'error spike', 'ana', 0, 'running', 'validate', 0, "
                    + (now - 120_000) + ", " + (now - 90_000) + ", 'elsewhere/1/0/gone', 1)");
        }
        Result r = run("rollback", "--model", "hooks", "--current-version", "1.1", "--json");
        assertThat(r.exit()).as(r.err()).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
        JsonNode json = r.json();
        assertThat(json.get("rollback_id").asText()).isEqualTo("rb-old");
        assertThat(json.get("status").asText()).isEqualTo("success");
        assertThat(json.get("sla_met").asBoolean()).isFalse();
        assertThat(r.err()).contains("missed its SLA");
        assertThat(aliases("1.0")).contains("production");
    }
}
