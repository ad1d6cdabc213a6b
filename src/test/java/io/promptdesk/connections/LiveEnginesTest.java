package io.promptdesk.connections;

import io.promptdesk.metrics.Metric;
import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.EmbeddedModelRegistry;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.mlflow.FakeMlflow;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryHistory;
import io.promptdesk.store.JdbcRegistryRepository;
import io.promptdesk.store.Workspace;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveEnginesTest {
    private static final Attribution ANA = Attribution.of("ana", "test");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final FakeMlflow mlflow = new FakeMlflow();
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final List<String> routed = new ArrayList<>();
    private final Map<String, String> environment = new java.util.HashMap<>();
    private final FakeSecretStore store = new FakeSecretStore();
    private Database db;
    private SimulatedService sim;
    private EmbeddedModelRegistry embedded;
    private LiveEngines engines;
    private int changes;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(mlflow);
        server.start(InetAddress.getLoopbackAddress(), 0);
        db = Database.open(Workspace.databaseFile(dir));
        embedded = new EmbeddedModelRegistry(new JdbcRegistryRepository(db), clock);
        sim = new SimulatedService(clock, 3);
        engines = new LiveEngines(new LiveEngines.Embedded(embedded, new JdbcRegistryHistory(db), sim,
                (d, s, c, p) -> routed.add(d + " " + s + " " + c + " " + p), environment::get, store, clock, ANA));
        engines.onChange(() -> changes++);
    }

    @AfterEach
    void stop() {
        engines.close();
        server.close();
        db.close();
    }

    private ConnectionSettings withMlflow() {
        return ConnectionSettings.embedded().withMlflow(EndpointSettings.of(server.url("/").toString()));
    }

    @Test
    void untilConnectionsAreUsedTheEmbeddedEnginesServe() {
        engines.registry().register(NewVersion.candidate("hooks", "1.0", "Hook about {topic}"), ANA);
        engines.router().route("hooks", "1.0", null, 0);
        sim.route("hooks", "1.0", null, 0);
        sim.setDefaultRate(100);
        clock.advance(Duration.ofSeconds(10));
        sim.catchUp();

        assertThat(embedded.models()).extracting(Model::name).containsExactly("hooks");
        assertThat(routed).containsExactly("hooks 1.0 null 0");
        assertThat(engines.metrics().samples("hooks", "1.0", Metric.LATENCY_P95, clock.instant().minusSeconds(10),
                clock.instant())).hasSizeGreaterThan(500);
        assertThat(engines.settings()).isEqualTo(ConnectionSettings.embedded());
        assertThat(mlflow.calls()).isEmpty();
    }

    @Test
    void afterAChangeTheSameEngineObjectsCallTheNewRegistry() {
        var registry = engines.registry();
        engines.use(withMlflow());

        registry.register(NewVersion.candidate("hooks", "1.0", "Hook about {topic}"), ANA);

        assertThat(changes).isEqualTo(1);
        assertThat(mlflow.calls()).contains("POST registered-models/create");
        assertThat(embedded.models()).isEmpty();
        assertThat(registry.models()).extracting(Model::name).containsExactly("hooks");
        assertThat(engines.settings().mlflow().url()).isEqualTo(server.url("/").toString());
        assertThat(LiveEngines.describe(engines.settings())).isEqualTo("metrics embedded, registry MLflow "
                + server.url("/") + ", router embedded");

        engines.use(ConnectionSettings.embedded());
        assertThat(changes).isEqualTo(2);
        assertThat(registry.models()).isEmpty();
    }

    @Test
    void settingsThatCannotWorkAreRefusedAndTheEnginesInUseStay() {
        engines.use(withMlflow());
        ConnectionSettings webhookWithoutSecret = withMlflow().withRouter(RouterKind.WEBHOOK)
                .withWebhook(EndpointSettings.of("http://127.0.0.1:9/route"), "PD_TEST_WEBHOOK_SECRET");

        assertThatThrownBy(() -> engines.use(webhookWithoutSecret)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("PD_TEST_WEBHOOK_SECRET");
        ConnectionSettings bearerWithoutToken = ConnectionSettings.embedded().withPrometheus(new EndpointSettings(
                "http://127.0.0.1:9", EndpointSettings.AuthType.BEARER, "PD_TEST_TOKEN", null, null, null, false,
                null, null));
        assertThatThrownBy(() -> engines.use(bearerWithoutToken)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("PD_TEST_TOKEN");

        assertThat(changes).isEqualTo(1);
        assertThat(engines.settings()).isEqualTo(withMlflow());
        engines.registry().models();
        assertThat(mlflow.calls()).last().isEqualTo("GET registered-models/search");

        environment.put("PD_TEST_WEBHOOK_SECRET", "s3cret");
        engines.use(webhookWithoutSecret);
        assertThat(engines.settings().router()).isEqualTo(RouterKind.WEBHOOK);
    }

    @Test
    void choosingEnginesMakeCallsWaitForTheFirstChoiceAndNeverBlockTheStatusQuestion() throws Exception {
        LiveEngines choosing = LiveEngines.choosing(new LiveEngines.Embedded(embedded, new JdbcRegistryHistory(db),
                sim, (d, s, c, p) -> routed.add(d + " " + s + " " + c + " " + p), environment::get,
                store, clock, ANA));
        try {
            assertThat(choosing.chosenSettings()).isEmpty();
            java.util.concurrent.CompletableFuture<List<Model>> models =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> choosing.registry().models());
            // The call waits: nothing answers until the engines are chosen.
            assertThat(models).isNotDone();

            choosing.use(withMlflow());

            assertThat(models.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
            assertThat(mlflow.calls()).containsExactly("GET registered-models/search");
            assertThat(choosing.chosenSettings()).contains(withMlflow());
        } finally {
            choosing.close();
        }
    }

    @Test
    void settingsThatCannotBeUsedAtStartLeaveTheEmbeddedEnginesChosen() {
        LiveEngines choosing = LiveEngines.choosing(new LiveEngines.Embedded(embedded, new JdbcRegistryHistory(db),
                sim, (d, s, c, p) -> routed.add(d + " " + s + " " + c + " " + p), environment::get,
                store, clock, ANA));
        List<String> heard = new ArrayList<>();
        choosing.onChange(() -> heard.add("changed"));
        try {
            choosing.useEmbedded();

            assertThat(choosing.chosenSettings()).contains(ConnectionSettings.embedded());
            choosing.router().route("hooks", "1.0", null, 0);
            assertThat(routed).containsExactly("hooks 1.0 null 0");
            assertThat(heard).containsExactly("changed");
        } finally {
            choosing.close();
        }
    }
}
