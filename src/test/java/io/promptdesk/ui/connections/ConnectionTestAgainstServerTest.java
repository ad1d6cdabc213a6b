package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionTester;
import io.promptdesk.connections.EndpointSettings.AuthType;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** "Test connection" through the real tester and HTTP clients, against a MockWebServer on loopback. */
class ConnectionTestAgainstServerTest {
    private static final String VECTOR_ONE = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
            + "\"result\":[{\"metric\":{},\"value\":[1718600000.123,\"1\"]}]}}";
    private static final String BUILD_INFO = "{\"status\":\"success\",\"data\":{\"version\":\"2.53.1\"}}";

    @TempDir
    Path workspace;
    private final MockWebServer server = new MockWebServer();
    private final Map<String, String> environment = Map.of("PROM_TOKEN", "t0ken");
    private final FakeSecretStore store = FakeSecretStore.with(Map.of("prom-token", "t0ken-from-the-keyring"));
    private ConnectionsViewModel vm;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        ConnectionTester tester = new ConnectionTester(environment::get, store, Duration.ofSeconds(5), d -> { });
        vm = new ConnectionsViewModel(new ConnectionsServices(workspace, environment::get, store,
                ConnectionChecks.using(tester), RecordingEngines.embedded(), SameThreadRunner.immediate(), new FakeDialogService()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aPrometheusThatAnswersShowsItsVersionAndTheTokenIsSentFromTheNamedVariable() throws InterruptedException {
        server.enqueue(json(VECTOR_ONE));
        server.enqueue(json(BUILD_INFO));
        vm.prometheus().urlProperty().set(server.url("/").toString());
        vm.prometheus().authProperty().set(AuthType.BEARER);
        vm.prometheus().tokenEnvProperty().set("PROM_TOKEN");

        vm.prometheusTest().run();

        assertThat(vm.prometheusTest().probeProperty().get().ok()).isTrue();
        assertThat(vm.prometheusTest().resultProperty().get()).matches("✓ \\d+ ms · Prometheus 2\\.53\\.1");
        RecordedRequest query = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(query.getUrl().encodedPath()).isEqualTo("/api/v1/query");
        assertThat(query.getHeaders().get("Authorization")).isEqualTo("Bearer t0ken");
    }

    @Test
    void aTokenFromTheOsSecretStoreIsSent() throws InterruptedException {
        server.enqueue(json(VECTOR_ONE));
        server.enqueue(json(BUILD_INFO));
        vm.prometheus().urlProperty().set(server.url("/").toString());
        vm.prometheus().authProperty().set(AuthType.BEARER);
        vm.prometheus().tokenSourceProperty().set(SecretSource.STORE);
        vm.prometheus().tokenSecretProperty().set("prom-token");

        vm.prometheusTest().run();

        assertThat(vm.prometheusTest().probeProperty().get().ok()).isTrue();
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Bearer t0ken-from-the-keyring");
    }

    @Test
    void anUnsetSecretVariableIsSaidWithoutCallingTheServer() {
        vm.prometheus().urlProperty().set(server.url("/").toString());
        vm.prometheus().authProperty().set(AuthType.BEARER);
        vm.prometheus().tokenEnvProperty().set("UNSET_TOKEN");

        vm.prometheusTest().run();

        assertThat(vm.prometheusTest().resultProperty().get()).startsWith("✗ no answer after ")
                .contains("the environment variable UNSET_TOKEN that should hold the secret is not set");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void somethingThatIsNotMlflowIsReportedAsSuch() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html>no such page</html>").build());
        vm.mlflow().urlProperty().set(server.url("/").toString());

        vm.mlflowTest().run();

        assertThat(vm.mlflowTest().failedProperty().get()).isTrue();
        assertThat(vm.mlflowTest().resultProperty().get()).startsWith("✗ no answer after ").contains("MLflow");
    }
}
