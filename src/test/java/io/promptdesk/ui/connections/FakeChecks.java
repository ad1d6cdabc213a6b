package io.promptdesk.ui.connections;

import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.Probe;

import java.util.ArrayList;
import java.util.List;

/** Answers every check with a scripted outcome and records what was tested. */
public final class FakeChecks implements ConnectionChecks {
    public final List<EndpointSettings> tested = new ArrayList<>();
    private final boolean answer;

    private FakeChecks(boolean answer) {
        this.answer = answer;
    }

    public static FakeChecks answering() {
        return new FakeChecks(true);
    }

    public static FakeChecks failing() {
        return new FakeChecks(false);
    }

    @Override
    public Probe prometheus(EndpointSettings settings) {
        return probe("Prometheus", settings, "2.45.0");
    }

    @Override
    public Probe mlflow(EndpointSettings settings) {
        return probe("MLflow", settings, "2.14.1");
    }

    private Probe probe(String engine, EndpointSettings settings, String version) {
        tested.add(settings);
        return answer ? new Probe(engine, settings.url(), true, 28, version, null)
                : new Probe(engine, settings.url(), false, 3, null, "cannot reach " + settings.url()
                + ": connection refused; is " + engine + " running there?");
    }
}
