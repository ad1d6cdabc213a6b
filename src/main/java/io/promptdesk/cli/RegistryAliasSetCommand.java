package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.json.Json;
import io.promptdesk.registry.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code promptdesk registry alias set}: points an alias at a version, recorded with who and why. */
@Command(name = "set",
        description = "Point an alias (production, canary, previous or your own) at a version.")
public final class RegistryAliasSetCommand extends CliCommand implements Callable<Integer> {

    // Not the standard help mixin: its -V/--version would clash with this command's --version (a model version).
    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;


    @Mixin
    RegistryCommand.WorkspaceOptions options;

    @Option(names = "--model", paramLabel = "M", required = true, description = "Model name.")
    String model;

    @Option(names = "--alias", paramLabel = "A", required = true, description = "Alias name.")
    String alias;

    @Option(names = "--version", paramLabel = "V", required = true, description = "Version the alias points at.")
    String version;

    @Option(names = "--reason", paramLabel = "R", description = "Why, recorded in the history.")
    String reason;

    @Override
    public Integer call() {
        try (Engines services = Engines.open(options.config())) {
            services.access().require(io.promptdesk.model.GuardedAction.SET_ALIAS, model);
            String before = services.registry().model(model).aliases().get(alias);
            // Production and previous are part of the deployment's desired state: moved there first, then applied.
            services.reconciler().moveAlias(model, alias, version, services.by(reason));
            Model m = services.registry().model(model);
            if (options.json) {
                out().println(Json.pretty(m));
            } else {
                out().println(model + ": " + alias + " -> " + version
                        + (before == null ? "" : before.equals(version) ? " (unchanged)" : " (was " + before + ")"));
            }
        }
        out().flush();
        return PromptDeskCommand.EXIT_OK;
    }
}
