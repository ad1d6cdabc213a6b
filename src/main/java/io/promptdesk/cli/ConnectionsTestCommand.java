package io.promptdesk.cli;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.ConnectionTester;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.Probe;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.OsSecretStore;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.Sleeper;
import io.promptdesk.app.Workspaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code promptdesk connections test}: asks each named engine something harmless and says whether it answered,
 * how fast and in which version. Engines named on the command line are tested; without any, those the workspace
 * settings name.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Check that each remote engine answers: a query to Prometheus, a model search in MLflow.",
        footer = {"", "Exit codes: 0 every engine answered, 1 one did not (which and why on stderr), 2 bad usage."})
public final class ConnectionsTestCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--prometheus-url", paramLabel = "URL", description = "Test this Prometheus.")
    String prometheusUrl;

    @Option(names = "--mlflow-url", paramLabel = "URL", description = "Test this MLflow server.")
    String mlflowUrl;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace whose promptdesk.yaml gives auth and TLS settings (default: the user's data "
                    + "directory).")
    Path workspace;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "10",
            description = "Seconds each engine may take, retries included (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (!(timeout > 0) || timeout > 600) {
            throw new BadInputException("--timeout must be between 0 and 600 seconds, got " + timeout);
        }
        ConnectionSettings settings = ConnectionsFile.withEnvironment(ConnectionsFile.read(
                workspace != null ? workspace : Workspaces.defaultDirectory()), System::getenv);
        boolean named = prometheusUrl != null || mlflowUrl != null;
        EndpointSettings prometheus = pick(prometheusUrl, settings.prometheus(), named, "Prometheus");
        EndpointSettings mlflow = pick(mlflowUrl, settings.mlflow(), named, "MLflow");
        if (prometheus == null && mlflow == null) {
            throw new BadInputException("no remote engine to test: give --prometheus-url or --mlflow-url, or set "
                    + "them in the connections of promptdesk.yaml");
        }
        ConnectionTester tester = new ConnectionTester(System::getenv, OsSecretStore.forThisPlatform(),
                Duration.ofMillis((long) (timeout * 1000)), Sleeper.REAL);
        List<Probe> probes = new ArrayList<>();
        if (prometheus != null) {
            probes.add(tester.prometheus(prometheus));
        }
        if (mlflow != null) {
            probes.add(tester.mlflow(mlflow));
        }
        if (json) {
            out().println(Json.pretty(probes));
        } else {
            for (Probe p : probes) {
                out().println(p.ok() ? p.engine() + "  " + p.url() + "  ok  " + p.latencyMillis() + " ms  version "
                        + p.version() : p.engine() + "  " + p.url() + "  FAILED after " + p.latencyMillis() + " ms");
            }
        }
        out().flush();
        boolean allOk = true;
        for (Probe p : probes) {
            if (!p.ok()) {
                err().println("promptdesk connections test: " + p.engine() + " does not answer: " + p.problem());
                allOk = false;
            }
        }
        err().flush();
        return allOk ? PromptDeskCommand.EXIT_OK : PromptDeskCommand.EXIT_GATE_FAILED;
    }

    /** The URL given, with the workspace's auth and TLS for that engine; or the workspace's own, if none is named. */
    private static EndpointSettings pick(String url, EndpointSettings configured, boolean named, String engine) {
        if (url == null) {
            return named ? null : configured;
        }
        RemoteEndpoint.parseUrl(engine, url);
        return configured == null ? EndpointSettings.of(url) : configured.withUrl(url);
    }
}
