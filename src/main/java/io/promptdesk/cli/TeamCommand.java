package io.promptdesk.cli;

import io.promptdesk.app.Engines;
import io.promptdesk.json.Json;
import io.promptdesk.model.Role;
import io.promptdesk.model.TeamMember;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk team}: who holds which role on the team store; admins grant and revoke them. */
@Command(name = "team", mixinStandardHelpOptions = true,
        description = "The team store's logins and their roles (viewer, author, releaser, oncall, admin). The "
                + "database enforces the roles: each engineer connects with their own login.",
        subcommands = {TeamCommand.ListMembers.class, TeamCommand.Grant.class, TeamCommand.Revoke.class},
        footer = {"", "Exit codes: 0 done, 1 the store cannot be reached, 2 bad usage or input, or the caller may not "
                + "(the message names the role needed)."})
public final class TeamCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static List<String> keys(java.util.Set<Role> roles) {
        return Arrays.stream(Role.values()).filter(roles::contains).map(Role::key).toList();
    }

    /** {@code promptdesk team list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Each login that holds a PromptDesk role (or owns the store) with its roles.",
            footer = {"", "JSON: {store, users: [{user, roles, owner}]}."})
    public static final class ListMembers extends CliCommand implements Callable<Integer> {
        @Mixin
        RegistryCommand.WorkspaceOptions options;

        @Override
        public Integer call() {
            List<TeamMember> members;
            String store;
            try (Engines services = Engines.openForReading(options.config())) {
                members = services.access().members();
                store = services.access().identity().store();
            }
            if (options.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("store", store);
                out.put("users", members.stream().map(m -> {
                    Map<String, Object> u = new LinkedHashMap<>();
                    u.put("user", m.user());
                    u.put("roles", keys(m.roles()));
                    u.put("owner", m.owner());
                    return u;
                }).toList());
                out().println(Json.pretty(out));
            } else {
                out().println("team of " + store);
                int width = members.stream().mapToInt(m -> m.user().length()).max().orElse(4);
                for (TeamMember m : members) {
                    out().println(String.format("%-" + width + "s  %s%s", m.user(), String.join(", ", keys(m.roles())),
                            m.owner() ? "  (owns the store)" : ""));
                }
            }
            out().flush();
            return PromptDeskCommand.EXIT_OK;
        }
    }

    /** What grant and revoke take. */
    static class Change extends CliCommand {
        @Mixin
        RegistryCommand.WorkspaceOptions options;

        @Option(names = "--user", paramLabel = "NAME", required = true, description = "The engineer's login.")
        String user;

        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "viewer, author, releaser, oncall or admin.")
        String role;

        int print(String verb, boolean changed, Role r) {
            if (options.json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("user", user);
                out.put("role", r.key());
                out.put("changed", changed);
                out().println(Json.pretty(out));
            } else {
                out().println(changed ? verb + " " + r.key() + " " + (verb.equals("granted") ? "to " : "from ") + user
                        : user + (verb.equals("granted") ? " already holds " : " does not hold ") + r.key()
                        + ": nothing changed");
            }
            out().flush();
            return PromptDeskCommand.EXIT_OK;
        }
    }

    /** {@code promptdesk team grant}. */
    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Grant a role to a login (admin only; the admin role itself is granted by the store's "
                    + "owner).", footer = {"", "JSON keys: user, role, changed."})
    public static final class Grant extends Change implements Callable<Integer> {
        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Engines services = Engines.open(options.config())) {
                return print("granted", services.access().grant(user, r), r);
            }
        }
    }

    /** {@code promptdesk team revoke}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a role from a login (admin only).",
            footer = {"", "JSON keys: user, role, changed."})
    public static final class Revoke extends Change implements Callable<Integer> {
        @Override
        public Integer call() {
            Role r = Role.parse(role);
            try (Engines services = Engines.open(options.config())) {
                return print("revoked", services.access().revoke(user, r), r);
            }
        }
    }
}
