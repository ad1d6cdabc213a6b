package io.promptdesk.cli;

import io.promptdesk.app.Engines;
import io.promptdesk.app.StoreAdmin;
import io.promptdesk.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk store}: which store keeps the records, its schema, and moving a desk's records to the team store. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The store that keeps registry, rollouts, rollbacks and audit: the workspace's embedded "
                + "SQLite file (default) or a PostgreSQL team store shared by every desk.",
        subcommands = {StoreCommand.Status.class, StoreCommand.Init.class, StoreCommand.Migrate.class},
        footer = {"", "Exit codes: 0 done, 1 failed (unreachable, or the audit does not verify), 2 bad usage or input."})
public final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code promptdesk store status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Name the store in use and check that it answers with the schema this PromptDesk uses; "
                    + "creates and changes nothing.",
            footer = {"", "JSON keys: kind, url (never a password), schema_version, latest_schema_version, reachable, "
                    + "error.", "Exit codes: 0 reachable with the current schema, 1 unreachable or the schema needs "
                    + "`store init`, 2 bad usage or input."})
    public static final class Status extends CliCommand implements Callable<Integer> {
        @Mixin
        RegistryCommand.WorkspaceOptions options;

        @Override
        public Integer call() {
            StoreAdmin.Status s = StoreAdmin.status(options.config());
            if (options.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kind", s.kind());
                out.put("url", s.url());
                out.put("schema_version", s.schemaVersion());
                out.put("latest_schema_version", s.latestSchemaVersion());
                out.put("reachable", s.reachable());
                out.put("error", s.error());
                out().println(Json.pretty(out));
            } else {
                out().println("store: " + s.kind() + " " + s.url());
                out().println(s.reachable() ? "reachable, schema version " + s.schemaVersion() + " (this PromptDesk "
                        + "uses " + s.latestSchemaVersion() + ")" : "not reachable");
                if (s.error() != null) {
                    out().println(s.error());
                }
            }
            out().flush();
            return s.ready() ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
        }
    }

    /** {@code promptdesk store init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the store's schema, or upgrade it to this PromptDesk's; nothing recorded is lost. "
                    + "A team store is never upgraded behind a desk's back: this is the one command that does it.",
            footer = {"", "Exit codes: 0 done, 1 the store cannot be reached, 2 bad usage or input."})
    public static final class Init extends CliCommand implements Callable<Integer> {
        @Mixin
        RegistryCommand.WorkspaceOptions options;

        @Override
        public Integer call() {
            StoreAdmin.Init r;
            try {
                r = StoreAdmin.init(options.config());
            } catch (RuntimeException e) {
                if (e instanceof io.promptdesk.model.Unreachable) {
                    err().println("promptdesk store init: " + e.getMessage());
                    err().flush();
                    return PromptDeskCommand.EXIT_GATE_FAILED;
                }
                throw e;
            }
            if (options.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kind", r.kind());
                out.put("url", r.url());
                out.put("schema_version_before", r.before());
                out.put("schema_version", r.after());
                out().println(Json.pretty(out));
            } else {
                out().println(r.kind() + " " + r.url() + ": schema version " + (r.before() == r.after()
                        ? r.after() + ", already current" : r.before() + " -> " + r.after()));
            }
            out().flush();
            return PromptDeskCommand.EXIT_OK;
        }
    }

    /** {@code promptdesk store migrate}. */
    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Copy a desk's records (registry, rollouts, rollbacks, desired state, audit) from its "
                    + "workspace into the team store. The desk's audit chain is verified first and the team's after; "
                    + "running it again copies nothing twice.",
            footer = {"", "Exit codes: 0 copied and the audit verifies, 1 an audit chain does not verify (nothing "
                    + "is copied when the desk's is broken) or the store cannot be reached, 2 bad usage or input."})
    public static final class Migrate extends CliCommand implements Callable<Integer> {
        @Option(names = "--from-workspace", paramLabel = "DIR", required = true,
                description = "The desk's workspace folder (its promptdesk.db).")
        Path from;

        @Option(names = "--to", paramLabel = "URL", required = true,
                description = "The team store, postgresql://HOST:PORT/DATABASE; the login and the password's "
                        + "source come from the desk workspace's promptdesk.yaml store section, $PGPASSWORD or "
                        + "~/.pgpass.")
        String to;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            Engines.Config base = Engines.Config.of(from);
            Engines.Config target = base.withStore(StoreAdmin.teamAt(
                    io.promptdesk.connections.ConnectionsFile.readStore(from), to));
            StoreAdmin.Copy r;
            try {
                r = StoreAdmin.migrate(from, target);
            } catch (RuntimeException e) {
                if (e instanceof io.promptdesk.model.Unreachable) {
                    err().println("promptdesk store migrate: " + e.getMessage());
                    err().flush();
                    return PromptDeskCommand.EXIT_GATE_FAILED;
                }
                throw e;
            }
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("from", r.from());
                out.put("to", r.to());
                out.put("copied", r.copied());
                out.put("already_there", r.alreadyThere());
                out.put("desk_audit_intact", r.deskAudit().intact());
                out.put("team_audit_intact", r.teamAudit() != null && r.teamAudit().intact());
                out.put("verified", r.verified());
                out().println(Json.pretty(out));
            } else {
                out().println("from " + r.from() + " to " + r.to());
                r.copied().forEach((table, n) -> out().println("  " + table + ": " + n + " copied"
                        + (r.alreadyThere().getOrDefault(table, 0) > 0 ? ", " + r.alreadyThere().get(table)
                        + " already there" : "")));
            }
            out().flush();
            if (!r.deskAudit().intact()) {
                err().println("promptdesk store migrate: the desk's audit log is BROKEN at row "
                        + r.deskAudit().firstBadSeq() + ": " + r.deskAudit().problem() + "; nothing was copied");
            } else if (!r.verified()) {
                err().println("promptdesk store migrate: the team store's audit log does not verify after the copy"
                        + (r.teamAudit() == null ? "" : ": row " + r.teamAudit().firstBadSeq() + ": "
                        + r.teamAudit().problem()));
            }
            err().flush();
            return r.verified() ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
        }
    }
}
