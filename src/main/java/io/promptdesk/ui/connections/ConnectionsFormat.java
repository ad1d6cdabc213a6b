package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.Probe;

/** The words the Connections page and the status bar use for probes and engines. */
public final class ConnectionsFormat {
    static final String SEPARATOR = " · ";

    private ConnectionsFormat() {
    }

    /** One probe as a person reads it: "✓ 28 ms · Prometheus 2.45.0", or what went wrong. */
    public static String probe(Probe p) {
        if (p == null) {
            return "";
        }
        if (p.ok()) {
            return "✓ " + p.latencyMillis() + " ms" + SEPARATOR + p.engine() + " "
                    + (p.version() == null ? "unknown" : p.version());
        }
        return "✗ no answer after " + p.latencyMillis() + " ms: " + p.problem();
    }

    /**
     * The status bar's line, e.g. "metrics: Prometheus ✓ 28 ms · registry: embedded · router: embedded". A probe
     * counts only when it tested the URL in use, so an old test of another server is not shown as health.
     *
     * @param effective the settings of the engines in use, or null while the console is still choosing them
     */
    public static String statusLine(ConnectionSettings effective, Probe prometheus, Probe mlflow) {
        if (effective == null) {
            return "engines: connecting to the workspace's connections…";
        }
        return "metrics: " + engine("Prometheus", effective.prometheus(), prometheus) + SEPARATOR
                + "registry: " + engine("MLflow", effective.mlflow(), mlflow) + SEPARATOR
                + "router: " + effective.router().key();
    }

    private static String engine(String name, EndpointSettings settings, Probe probe) {
        if (settings == null) {
            return "embedded";
        }
        if (probe == null || !probe.url().equals(settings.url())) {
            return name + " (untested)";
        }
        return name + (probe.ok() ? " ✓ " + probe.latencyMillis() + " ms" : " ✗ not answering");
    }
}
