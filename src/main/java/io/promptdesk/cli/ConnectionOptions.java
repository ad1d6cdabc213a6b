package io.promptdesk.cli;

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

    /** Workspace options for {@code workspace} carrying these connections. */
    RegistryCommand.WorkspaceOptions on(java.nio.file.Path workspace) {
        RegistryCommand.WorkspaceOptions o = new RegistryCommand.WorkspaceOptions();
        o.workspace = workspace;
        o.prometheusUrl = prometheusUrl;
        o.mlflowUrl = mlflowUrl;
        o.router = router;
        return o;
    }
}
