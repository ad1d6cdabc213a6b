package io.promptdesk.cli;

import io.promptdesk.app.Engines;
import io.promptdesk.json.Json;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.model.Identity;
import io.promptdesk.model.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code promptdesk whoami}: the login the store sees and what it may do. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Name the login the store sees (a team store's PostgreSQL login; the operating-system user on "
                + "the embedded store, who holds every role) and the roles it holds. Changes nothing.",
        footer = {"", "JSON keys: user, roles, store (plus owner, may).",
                "Exit codes: 0 done, 1 the store cannot be reached, 2 bad usage or input."})
public final class WhoamiCommand extends CliCommand implements Callable<Integer> {
    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Override
    public Integer call() {
        Identity me;
        try (Engines services = Engines.openForReading(options.config())) {
            me = services.access().identity();
        }
        List<String> roles = Arrays.stream(Role.values()).filter(me::holds).map(Role::key).toList();
        List<String> may = Arrays.stream(GuardedAction.values()).filter(me::may).map(GuardedAction::key).toList();
        if (options.json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("user", me.user());
            out.put("roles", roles);
            out.put("store", me.store());
            out.put("owner", me.owner());
            out.put("may", may);
            out().println(Json.pretty(out));
        } else {
            out().println(me.user() + " on " + me.store());
            out().println("roles: " + (roles.isEmpty() ? "none (ask a PromptDesk admin: promptdesk team grant --user "
                    + me.user() + " --role viewer)" : String.join(", ", roles))
                    + (me.owner() ? " (owns the store)" : ""));
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
