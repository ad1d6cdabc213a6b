package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionTester;
import io.promptdesk.connections.EndpointSettings;
import io.promptdesk.connections.Probe;

/**
 * The "Test connection" calls the page makes. Synchronous and slow (network): the view model runs them off the FX
 * thread. Tests pass a fake, or the real tester against a MockWebServer.
 */
public interface ConnectionChecks {

    Probe prometheus(EndpointSettings settings);

    Probe mlflow(EndpointSettings settings);

    /** The real checks: an instant query of Prometheus, a one-model search of MLflow. */
    static ConnectionChecks using(ConnectionTester tester) {
        return new ConnectionChecks() {
            @Override
            public Probe prometheus(EndpointSettings settings) {
                return tester.prometheus(settings);
            }

            @Override
            public Probe mlflow(EndpointSettings settings) {
                return tester.mlflow(settings);
            }
        };
    }
}
