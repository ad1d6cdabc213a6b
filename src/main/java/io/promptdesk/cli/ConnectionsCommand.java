package io.promptdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code promptdesk connections}: the remote engines a workspace uses. */
@Command(name = "connections", mixinStandardHelpOptions = true,
        description = "The remote engines (Prometheus, MLflow) the workspace uses instead of the embedded ones.",
        subcommands = {ConnectionsTestCommand.class},
        footer = {"", "Settings: the connections: section of <workspace>/promptdesk.yaml, overridden by "
                + "PROMPTDESK_PROMETHEUS_URL, PROMPTDESK_MLFLOW_URL, PROMPTDESK_ROUTER and PROMPTDESK_ROUTER_URL; "
                + "secrets only in environment variables (token_env, password_env, secret_env name them) or the OS "
                + "secret store (token_secret, password_secret, secret_store name the entries of service "
                + "promptdesk)."})
public final class ConnectionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
