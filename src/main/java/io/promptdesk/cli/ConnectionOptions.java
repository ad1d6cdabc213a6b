package io.promptdesk.cli;

import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.StoreSettings;

import picocli.CommandLine.Option;

/**
 * The remote engines a command works with, overriding the workspace file and the environment; every registry and
 * rollout command has them through {@link RegistryCommand.WorkspaceOptions}, rollback and history directly.
 */
class ConnectionOptions {
    @Option(names = "--prometheus-url", paramLabel = "URL",
            description = "Health metrics from this Prometheus (default: promptdesk.yaml's connections, "
                    + "$PROMPTDESK_PROMETHEUS_URL, else the embedded engine).")
    String prometheusUrl;

    @Option(names = "--mlflow-url", paramLabel = "URL",
            description = "Use this MLflow server's prompt registry (default: promptdesk.yaml's connections, "
                    + "$PROMPTDESK_MLFLOW_URL, else the workspace's embedded registry).")
    String mlflowUrl;

    @Option(names = "--router", paramLabel = "KIND",
            description = "Where traffic changes go: embedded, webhook or mlflow (default: promptdesk.yaml's "
                    + "connections, $PROMPTDESK_ROUTER, else embedded).")
    String router;

    @Option(names = "--store-url", paramLabel = "URL",
            description = "Keep records in this PostgreSQL team store, postgresql://HOST:PORT/DATABASE (default: "
                    + "promptdesk.yaml's store, $PROMPTDESK_STORE_URL, else the workspace's embedded promptdesk.db). "
                    + "The password comes from store.password_env/password_secret, $PGPASSWORD or ~/.pgpass (a "
                    + "password written in the URL is taken out of it and never shown, but stays in your shell's "
                    + "history).")
    String storeUrl;

    /** The workspace file's store, overridden by the environment, then by {@code --store-url}. */
    StoreSettings store(java.nio.file.Path workspace) {
        return ConnectionsFile.readStore(workspace, System::getenv).withUrl(storeUrl);
    }

    /** Workspace options for {@code workspace} carrying these connections. */
    RegistryCommand.WorkspaceOptions on(java.nio.file.Path workspace) {
        RegistryCommand.WorkspaceOptions o = new RegistryCommand.WorkspaceOptions();
        o.workspace = workspace;
        o.prometheusUrl = prometheusUrl;
        o.mlflowUrl = mlflowUrl;
        o.router = router;
        o.storeUrl = storeUrl;
        return o;
    }
}
