package io.promptdesk.routing;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.registry.mlflow.FakeMlflow;
import io.promptdesk.registry.mlflow.MlflowClient;
import io.promptdesk.registry.mlflow.MlflowModelRegistry;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryHistory;
import io.promptdesk.store.Workspace;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MlflowAliasTrafficRouterTest {
    private static final Attribution BY = Attribution.of("rollout-manager", "rollout");

    @Test
    void theCanaryAliasAndItsShareFollowTheSplit(@TempDir Path dir) throws Exception {
        FakeMlflow mlflow = new FakeMlflow();
        try (MockWebServer server = new MockWebServer(); Database db = Database.open(Workspace.databaseFile(dir))) {
            server.setDispatcher(mlflow);
            server.start(InetAddress.getLoopbackAddress(), 0);
            try (MlflowClient client = new MlflowClient(RemoteEndpoint.of("MLflow", server.url("/").toString()),
                    d -> { })) {
                MlflowModelRegistry registry = new MlflowModelRegistry(client, new JdbcRegistryHistory(db),
                        new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z")), Duration.ofSeconds(5));
                registry.register(new NewVersion("hooks", "1.0", "Hook {topic}", null, null, VersionStatus.STABLE,
                        Map.of()), BY);
                ModelVersion candidate = registry.register(NewVersion.candidate("hooks", "1.1", "Hook: {topic}"), BY);
                MlflowAliasTrafficRouter router = new MlflowAliasTrafficRouter(registry, client, BY,
                        Duration.ofSeconds(5));

                router.route("hooks", "1", candidate.version(), 25);
                assertThat(registry.resolve("hooks", ModelRegistry.CANARY)).map(ModelVersion::version).contains("2");
                assertThat(mlflow.modelTag("hooks", MlflowAliasTrafficRouter.PERCENT_TAG)).isEqualTo("25");
                // Readable: the reconciler compares what MLflow serves with what the store records.
                assertThat(router.current("hooks")).contains(new io.promptdesk.metrics.TrafficSplit("1", "2", 25));

                router.route("hooks", "1", null, 0);
                assertThat(registry.resolve("hooks", ModelRegistry.CANARY)).isEmpty();
                assertThat(mlflow.modelTag("hooks", MlflowAliasTrafficRouter.PERCENT_TAG)).isEqualTo("0");
                assertThat(router.current("hooks")).contains(io.promptdesk.metrics.TrafficSplit.stableOnly("1"));
                assertThat(router.current("no-such-model")).isEmpty();
                assertThat(registry.history("hooks")).extracting(e -> e.kind().key() + " " + e.name())
                        .contains("alias_moved canary", "alias_removed canary");

                assertThatThrownBy(() -> router.route("hooks", "1", "9", 10))
                        .isInstanceOf(TrafficRoutingException.class)
                        .hasMessageStartingWith("the traffic change of hooks (10% to 9) did not reach MLflow: hooks "
                                + "has no version 9");
            }
        }
    }
}
