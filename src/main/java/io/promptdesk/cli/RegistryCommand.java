package io.promptdesk.cli;

import io.promptdesk.app.Engines;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.RouterKind;
import io.promptdesk.registry.Attribution;
import io.promptdesk.app.Workspaces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code promptdesk registry}: the workspace's model registry. */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Register template versions of a model (a deployment) and move its aliases.",
        subcommands = {RegistryRegisterCommand.class, RegistryAliasCommand.class, RegistryListCommand.class,
                RegistryShowCommand.class},
        footer = {"", "Exit codes: 0 done, 2 bad usage or input."})
public final class RegistryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every registry and rollout command takes. */
    public static final class WorkspaceOptions extends ConnectionOptions {
        @Option(names = "--workspace", paramLabel = "DIR",
                description = "Workspace folder holding promptdesk.db (default: the user's data directory).")
        Path workspace;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Option(names = "--actor", paramLabel = "NAME",
                description = "Who acts, as recorded in the history (default: the operating-system user).")
        String actor;

        /** The workspace file's connections, overridden by the environment, then by these options. */
        ConnectionSettings connections() {
            ConnectionSettings s = ConnectionsFile.withEnvironment(ConnectionsFile.read(directory()), System::getenv);
            if (prometheusUrl != null) {
                s = s.withPrometheus(s.prometheus() == null ? EndpointSettings.of(prometheusUrl)
                        : s.prometheus().withUrl(prometheusUrl));
            }
            if (mlflowUrl != null) {
                s = s.withMlflow(s.mlflow() == null ? EndpointSettings.of(mlflowUrl) : s.mlflow().withUrl(mlflowUrl));
            }
            if (router != null) {
                s = s.withRouter(RouterKind.of(router));
            }
            return s;
        }

        Path directory() {
            return workspace != null ? workspace : Workspaces.defaultDirectory();
        }

        String actor() {
            return actor != null && !actor.isBlank() ? actor : Attribution.currentUser();
        }

        Attribution by(String reason) {
            return Attribution.of(actor(), reason);
        }

        /** The engines' configuration for this command: the workspace, its store and connections, the actor. */
        Engines.Config config() {
            return Engines.Config.of(directory()).withStore(store(directory())).withConnections(connections())
                    .withActor(actor());
        }
    }
}
