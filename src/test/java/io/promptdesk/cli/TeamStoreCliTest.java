package io.promptdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.json.Json;
import io.promptdesk.store.LocalPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team store through the CLI, on a real PostgreSQL 15: two desks (two workspace folders) pointed at one store
 * see each other's rollouts and rollbacks; {@code store status/init/migrate} do what they say; the password never
 * shows.
 */
class TeamStoreCliTest {
    @TempDir
    Path dir;
    private String url;
    private String urlWithPassword;
    private Path template;

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
        int exit = cl.execute(args);
        Result r = new Result(exit, out.toString(), err.toString());
        assertThat(r.out() + r.err()).doesNotContain(LocalPostgres.SUPERUSER_PASSWORD);
        return r;
    }

    /** A command at a desk: its own workspace folder, the team store. */
    private Result at(String desk, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--workspace", dir.resolve(desk).toString(), "--store-url", urlWithPassword));
        return run(all.toArray(String[]::new));
    }

    @BeforeEach
    void store() throws Exception {
        url = LocalPostgres.shared().newDatabase();
        urlWithPassword = url.replace("postgresql://", "postgresql://" + LocalPostgres.SUPERUSER + ":"
                + LocalPostgres.SUPERUSER_PASSWORD + "@");
        template = dir.resolve("t.prompt");
        Files.writeString(template, "Write a hook about {topic}");
    }

    @Test
    void statusSaysTheSchemaIsMissingUntilInitMakesIt() throws Exception {
        Result before = at("ana", "store", "status", "--json");
        assertThat(before.exit()).as(before.out() + before.err()).isEqualTo(1);
        JsonNode b = before.json();
        assertThat(b.get("kind").asText()).isEqualTo("postgresql");
        assertThat(b.get("url").asText()).isEqualTo(url);
        assertThat(b.get("reachable").asBoolean()).isTrue();
        assertThat(b.get("schema_version").asInt()).isZero();
        assertThat(b.get("error").asText()).contains("store init");

        // A desk cannot use a team store without its schema, and says what to do.
        Result refused = at("ana", "registry", "list", "--json");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("store init").contains(url);

        Result init = at("ana", "store", "init", "--json");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.json().get("schema_version").asInt()).isEqualTo(init.json().get("schema_version").asInt());
        assertThat(init.json().get("schema_version_before").asInt()).isZero();
        Result again = at("ana", "store", "init");
        assertThat(again.out()).contains("already current");

        Result after = at("ana", "store", "status", "--json");
        assertThat(after.exit()).isZero();
        assertThat(after.json().get("schema_version").asInt()).isEqualTo(after.json().get("latest_schema_version")
                .asInt());
        assertThat(after.json().get("error").isNull()).isTrue();
    }

    @Test
    void aRolloutStartedAtOneDeskIsRolledBackFromAnother() throws Exception {
        assertThat(at("ana", "store", "init").exit()).isZero();
        for (String v : List.of("1.0", "1.1")) {
            Result r = at("ana", "registry", "register", "--model", "hooks", "--version", v, "--template-file",
                    template.toString(), "--status", v.equals("1.0") ? "stable" : "candidate", "--actor", "ana");
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Result start = at("ana", "rollout", "start", "--deployment", "hooks", "--version", "1.1", "--actor", "ana");
        assertThat(start.exit()).as(start.err()).isZero();

        // The on-call engineer's desk has its own folder and no SQLite file of its own: it sees the same rollout.
        Result seen = at("omar", "rollout", "status", "--deployment", "hooks", "--json");
        assertThat(seen.exit()).as(seen.err()).isZero();
        assertThat(seen.json().toString()).contains("in_progress");
        // Nobody drives it yet (no console, no rollout watch): the status says so.
        assertThat(seen.json().get("driver").isNull()).isTrue();
        assertThat(dir.resolve("omar").resolve("promptdesk.db")).doesNotExist();

        // The on-call engineer connects with a login of their own: the record names that login.
        LocalPostgres.shared().ensureLogin("pd_omar", "pd-omar-pw");
        LocalPostgres.shared().superuserSql("GRANT promptdesk_oncall TO pd_omar");
        Result rollback = run("rollback", "--model", "hooks", "--current-version", "1.1", "--reason",
                "error spike at 3 a.m.", "--actor", "omar", "--json", "--workspace", dir.resolve("omar").toString(),
                "--store-url", LocalPostgres.as(url, "pd_omar", "pd-omar-pw"));
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.json().get("status").asText()).isEqualTo("success");

        Result history = at("ana", "history", "--model", "hooks", "--json");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains("error spike at 3 a.m.").contains("\"triggered_by\" : \"pd_omar\"");
        Result audit = at("ana", "audit", "verify");
        assertThat(audit.exit()).as(audit.out() + audit.err()).isZero();
    }

    @Test
    void aDesksHistoryMovesToTheTeamStoreOnceAndVerifies() throws Exception {
        Path desk = dir.resolve("desk");
        for (String v : List.of("1.0", "1.1")) {
            assertThat(run("registry", "register", "--model", "hooks", "--version", v, "--template-file",
                    template.toString(), "--status", "stable", "--actor", "ana", "--workspace", desk.toString())
                    .exit()).isZero();
        }
        assertThat(run("rollback", "--model", "hooks", "--current-version", "1.1", "--reason", "spike",
                "--actor", "ana", "--workspace", desk.toString()).exit()).isZero();

        Result first = run("store", "migrate", "--from-workspace", desk.toString(), "--to", urlWithPassword,
                "--json");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        JsonNode f = first.json();
        assertThat(f.get("verified").asBoolean()).isTrue();
        assertThat(f.get("copied").get("model_versions").asInt()).isEqualTo(2);
        assertThat(f.get("copied").get("rollbacks").asInt()).isEqualTo(1);
        assertThat(f.get("copied").get("audit_log").asInt()).isPositive();

        Result second = run("store", "migrate", "--from-workspace", desk.toString(), "--to", urlWithPassword,
                "--json");
        assertThat(second.exit()).isZero();
        second.json().get("copied").fields().forEachRemaining(e ->
                assertThat(e.getValue().asInt()).as(e.getKey()).isZero());

        // The team store now tells the desk's story.
        Result history = at("omar", "history", "--model", "hooks", "--json");
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains("spike");
        Result aliases = at("omar", "registry", "show", "--model", "hooks", "--version", "1.0", "--json");
        assertThat(aliases.json().get("aliases").toString()).contains("production");
        assertThat(at("omar", "audit", "verify").exit()).isZero();
    }
}
