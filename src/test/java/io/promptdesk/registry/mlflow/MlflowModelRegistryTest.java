package io.promptdesk.registry.mlflow;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryHistory;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry port on MLflow's REST API, against a fake that answers as the documented server does. */
class MlflowModelRegistryTest {
    private static final Attribution ANA = Attribution.of("ana", "first release");
    private static final Attribution BEN = Attribution.of("ben", "bad answers in 2");

    @TempDir
    Path dir;
    private final MockWebServer server = new MockWebServer();
    private final FakeMlflow mlflow = new FakeMlflow();
    private Database db;
    private MlflowClient client;
    private MlflowModelRegistry registry;

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(mlflow);
        server.start(InetAddress.getLoopbackAddress(), 0);
        db = Database.open(Workspace.databaseFile(dir));
        client = new MlflowClient(RemoteEndpoint.of("MLflow", server.url("/").toString()), d -> { });
        registry = new MlflowModelRegistry(client, new JdbcRegistryHistory(db),
                new SimulatedClock(Instant.parse("2025-03-01T10:00:00Z")), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        db.close();
    }

    private ModelVersion stable(String label, String template) {
        return registry.register(new NewVersion("summarizer", label, template, null, null, VersionStatus.STABLE,
                Map.of("team", "search")), ANA);
    }

    @Test
    void aTemplateIsRegisteredAsAPromptVersion() {
        ModelVersion v = registry.register(NewVersion.candidate("summarizer", "1.0",
                "Summarise {{ text }} in {{ words }} words."), ANA);
        assertThat(v.version()).isEqualTo("1");
        assertThat(v.template()).isEqualTo("Summarise {{ text }} in {{ words }} words.");
        assertThat(v.status()).isEqualTo(VersionStatus.CANDIDATE);
        assertThat(v.createdBy()).isEqualTo("ana");
        assertThat(v.tags()).containsEntry("label", "1.0");
        assertThat(mlflow.calls()).contains("POST registered-models/create", "POST model-versions/create");
        assertThat(registry.find("summarizer", "1.0")).contains(v);
        assertThat(registry.get("summarizer", "1")).isEqualTo(v);
        assertThat(registry.history("summarizer")).extracting(e -> e.kind().key())
                .containsExactly("model_created", "version_registered");
    }

    @Test
    void aSecondVersionReusesThePromptAndALabelCannotBeReused() {
        registry.register(NewVersion.candidate("summarizer", "1.0", "Summarise {text}"), ANA);
        registry.register(NewVersion.candidate("summarizer", "1.1", "Summarise {text} briefly"), ANA);
        assertThat(registry.versions("summarizer")).extracting(ModelVersion::version).containsExactly("1", "2");
        assertThatThrownBy(() -> registry.register(NewVersion.candidate("summarizer", "1.1", "x {text}"), ANA))
                .isInstanceOf(RegistryException.class).hasMessageContaining("already has a version 1.1 (MLflow version 2)");
        assertThatThrownBy(() -> registry.register(NewVersion.candidate("summarizer", "1.2", "broken {text"), ANA))
                .isInstanceOf(PromptValidationException.class);
    }

    @Test
    void promotionMovesAliasesAndOurStoreRemembersWhereTheyPointed() {
        stable("1.0", "Summarise {text}");
        stable("2.0", "Summarise {text} in two lines");
        assertThat(registry.resolve("summarizer", ModelRegistry.PRODUCTION)).map(ModelVersion::version).contains("2");
        assertThat(registry.resolve("summarizer", ModelRegistry.PREVIOUS)).map(ModelVersion::version).contains("1");
        assertThat(registry.get("summarizer", "1").status()).isEqualTo(VersionStatus.DEPRECATED);

        registry.setAlias("summarizer", ModelRegistry.PRODUCTION, "1.0", BEN);
        assertThat(registry.resolve("summarizer", ModelRegistry.PRODUCTION)).map(ModelVersion::version).contains("1");
        RegistryEvent rollback = registry.history("summarizer").get(registry.history("summarizer").size() - 1);
        assertThat(rollback.kind().key()).isEqualTo("alias_moved");
        assertThat(rollback.name()).isEqualTo("production");
        assertThat(rollback.from()).isEqualTo("2");
        assertThat(rollback.to()).isEqualTo("1");
        assertThat(rollback.actor()).isEqualTo("ben");
        assertThat(rollback.reason()).isEqualTo("bad answers in 2");
    }

    @Test
    void movingAnAliasWhereItAlreadyPointsRecordsNothing() {
        stable("1.0", "Summarise {text}");
        int before = registry.history("summarizer").size();
        registry.setAlias("summarizer", ModelRegistry.PRODUCTION, "1", BEN);
        assertThat(registry.history("summarizer")).hasSize(before);
    }

    @Test
    void aMissingAliasIsEmptyDespiteMlflowsFourHundred() {
        stable("1.0", "Summarise {text}");
        assertThat(registry.resolve("summarizer", ModelRegistry.CANARY)).isEmpty();
        assertThat(registry.resolve("nobody", ModelRegistry.PRODUCTION)).isEmpty();
    }

    @Test
    void listingsReadAliasesFromTheModelNotFromSearchResults() {
        stable("1.0", "Summarise {text}");
        registry.register(NewVersion.candidate("summarizer", "1.1", "Summarise {text} again"), ANA);
        registry.setAlias("summarizer", ModelRegistry.CANARY, "1.1", ANA);
        assertThat(registry.models()).singleElement().satisfies(m -> {
            assertThat(m.aliases()).containsEntry("production", "1").containsEntry("canary", "2");
            assertThat(m.versionCount()).isEqualTo(2);
        });
    }

    @Test
    void removingAnAliasIsRecordedAndIdempotent() {
        stable("1.0", "Summarise {text}");
        registry.register(NewVersion.candidate("summarizer", "1.1", "Summarise {text} again"), ANA);
        registry.setAlias("summarizer", ModelRegistry.CANARY, "2", ANA);
        registry.removeAlias("summarizer", ModelRegistry.CANARY, ANA);
        registry.removeAlias("summarizer", ModelRegistry.CANARY, ANA);
        assertThat(registry.resolve("summarizer", ModelRegistry.CANARY)).isEmpty();
        assertThat(registry.history("summarizer")).filteredOn(e -> e.kind().key().equals("alias_removed"))
                .singleElement().satisfies(e -> assertThat(e.from()).isEqualTo("2"));
        assertThat(mlflow.calls()).contains("DELETE registered-models/alias");
    }

    @Test
    void versionsSortByNumberNotText() {
        for (int i = 1; i <= 11; i++) {
            registry.register(NewVersion.candidate("summarizer", "r" + i, "Summarise {text} #" + i), ANA);
        }
        assertThat(registry.versions("summarizer")).extracting(ModelVersion::version)
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void unknownNamesAndReservedAliasesAreRefusedClearly() {
        stable("1.0", "Summarise {text}");
        assertThatThrownBy(() -> registry.model("nobody")).isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("no model named nobody in MLflow at " + server.url("/"));
        assertThatThrownBy(() -> registry.get("summarizer", "9")).hasMessageContaining("has no version 9")
                .hasMessageContaining("1 (1.0)");
        assertThatThrownBy(() -> registry.setAlias("summarizer", "latest", "1", ANA))
                .hasMessageContaining("MLflow reserves");
        assertThatThrownBy(() -> registry.setTag("summarizer", "1", "mlflow.prompt.text", "x", ANA))
                .hasMessageContaining("reserved");
        registry.setTag("summarizer", "1", "owner", "search-team", ANA);
        assertThat(registry.get("summarizer", "1").tags()).containsEntry("owner", "search-team");
    }
}
