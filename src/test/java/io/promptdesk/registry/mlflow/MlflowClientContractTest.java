package io.promptdesk.registry.mlflow;

import io.promptdesk.metrics.SimulatedClock;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.remote.RemoteAuth;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RemoteUnavailableException;
import io.promptdesk.remote.RetryPolicy;
import io.promptdesk.remote.Secret;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcRegistryHistory;
import io.promptdesk.store.Workspace;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented responses and errors of MLflow's registry API, replayed, and what the client sends. */
class MlflowClientContractTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private final MockWebServer server = new MockWebServer();
    private MlflowClient client;

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        client = new MlflowClient(endpoint(), d -> { });
    }

    private RemoteEndpoint endpoint() {
        return RemoteEndpoint.of("MLflow", server.url("/").toString())
                .withRetry(new RetryPolicy(3, Duration.ofMillis(10), 2, Duration.ofMillis(40)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private void reply(int code, String json) {
        server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(json).build());
    }

    private RecordedRequest taken() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.SECONDS);
    }

    @Test
    void theDocumentedRegisteredModelIsReadWithItsAliasMap() throws InterruptedException {
        reply(200, """
                {"registered_model": {"name": "summarizer", "creation_timestamp": 1718000000000,
                  "last_updated_timestamp": 1718600000000, "description": "Summarisation prompt",
                  "latest_versions": [{"name": "summarizer", "version": "4", "creation_timestamp": 1718600000000,
                    "last_updated_timestamp": 1718600000000, "current_stage": "None", "source": "prompt-template",
                    "status": "READY"}],
                  "tags": [{"key": "mlflow.prompt.is_prompt", "value": "true"}],
                  "aliases": [{"alias": "production", "version": "3"}, {"alias": "candidate", "version": "4"}],
                  "deployment_job_id": "ignored"}}""");
        MlflowModel m = client.getRegisteredModel("summarizer", BUDGET).orElseThrow();
        assertThat(m.aliases()).containsEntry("production", "3").containsEntry("candidate", "4");
        assertThat(m.tags()).containsEntry("mlflow.prompt.is_prompt", "true");
        assertThat(m.creationTimestamp()).isEqualTo(1718000000000L);
        RecordedRequest r = taken();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/api/2.0/mlflow/registered-models/get");
        assertThat(r.getUrl().queryParameter("name")).isEqualTo("summarizer");
    }

    @Test
    void searchResultsKeepVersionsAsStringsAndPageOn() throws InterruptedException {
        reply(200, """
                {"model_versions": [
                  {"name": "summarizer", "version": "4", "creation_timestamp": 1718600000000, "status": "READY",
                   "description": "shorter output",
                   "tags": [{"key": "mlflow.prompt.is_prompt", "value": "true"},
                            {"key": "mlflow.prompt.text", "value": "Summarise {{ text }} in {{ words }} words."}]},
                  {"name": "summarizer", "version": "3", "creation_timestamp": 1718500000000, "status": "READY"}
                 ],
                 "next_page_token": "eyJvZmZzZXQiOiA1MH0="}""");
        MlflowPage<MlflowVersion> page = client.searchModelVersions("name = 'summarizer'", "version_number DESC",
                50, null, BUDGET);
        assertThat(page.items()).extracting(MlflowVersion::version).containsExactly("4", "3");
        assertThat(page.items().get(0).tags()).containsEntry("mlflow.prompt.text",
                "Summarise {{ text }} in {{ words }} words.");
        assertThat(page.items().get(1).aliases()).isEmpty();
        assertThat(page.nextPageToken()).isEqualTo("eyJvZmZzZXQiOiA1MH0=");
        RecordedRequest r = taken();
        assertThat(r.getUrl().encodedQuery()).isEqualTo(
                "filter=name%20%3D%20%27summarizer%27&order_by=version_number%20DESC&max_results=50");
    }

    @Test
    void aMissingAliasIsFourHundredInvalidParameterValueAndMeansNone() {
        reply(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Registered model alias production not found.\"}");
        assertThat(client.getVersionByAlias("summarizer", "production", BUDGET)).isEmpty();
        reply(400, "{\"error_code\": \"INVALID_PARAMETER_VALUE\", \"message\": \"Registered model alias name 'latest' is reserved.\"}");
        assertThatThrownBy(() -> client.getVersionByAlias("summarizer", "latest", BUDGET))
                .isInstanceOf(MlflowApiException.class).hasMessageContaining("is reserved");
    }

    @Test
    void setAndDeleteAliasSendJsonBodiesWithVersionsAsStrings() throws InterruptedException {
        reply(200, "{}");
        reply(200, "{}");
        client.setAlias("summarizer", "production", "2", BUDGET);
        client.deleteAlias("summarizer", "canary", BUDGET);
        RecordedRequest set = taken();
        assertThat(set.getMethod()).isEqualTo("POST");
        assertThat(set.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(set.getBody().utf8()).isEqualTo("{\"name\":\"summarizer\",\"alias\":\"production\",\"version\":\"2\"}");
        RecordedRequest delete = taken();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedQuery()).isNull();
        assertThat(delete.getBody().utf8()).isEqualTo("{\"name\":\"summarizer\",\"alias\":\"canary\"}");
    }

    @Test
    void creatingAnExistingPromptIsResourceAlreadyExistsAndIsNotRetried() {
        reply(400, "{\"error_code\": \"RESOURCE_ALREADY_EXISTS\", \"message\": \"Registered Model (name=summarizer) already exists.\"}");
        assertThatThrownBy(() -> client.createRegisteredModel("summarizer", null, Map.of(), BUDGET))
                .isInstanceOfSatisfying(MlflowApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.is("RESOURCE_ALREADY_EXISTS")).isTrue();
                });
        server.enqueue(new MockResponse.Builder().code(503).body("busy").build());
        assertThatThrownBy(() -> client.createModelVersion("summarizer", "prompt-template", null, Map.of(), BUDGET))
                .isInstanceOf(RemoteUnavailableException.class);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void missingVersionsAreAbsentButUnknownEndpointsAreErrors() {
        reply(404, "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\", \"message\": \"Model Version (name=summarizer, version=9) not found\"}");
        assertThat(client.getModelVersion("summarizer", "9", BUDGET)).isEmpty();
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                .body("<!doctype html><title>404 Not Found</title>").build());
        assertThatThrownBy(() -> client.getModelVersion("summarizer", "9", BUDGET))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining("is the URL the MLflow tracking server?");
    }

    @Test
    void anArtifactsOnlyServersPlainTextIsReportedAfterRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Content-Type", "text/plain")
                    .body("Model registry functionality is unavailable").build());
        }
        assertThatThrownBy(() -> client.getRegisteredModel("summarizer", BUDGET))
                .isInstanceOf(RemoteUnavailableException.class)
                .hasMessageContaining("HTTP 503 and no MLflow error (Model registry functionality is unavailable)")
                .hasMessageContaining("artifacts-only");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theTokenIsSentAsBearer() throws InterruptedException {
        try (MlflowClient authed = new MlflowClient(endpoint().withAuth(new RemoteAuth.Bearer(
                Secret.fromEnvironment("MLFLOW_TRACKING_TOKEN", Map.of("MLFLOW_TRACKING_TOKEN", "tok-1")::get))),
                d -> { })) {
            reply(200, "{\"registered_models\": []}");
            assertThat(authed.searchRegisteredModels(null, 100, null, BUDGET).items()).isEmpty();
            assertThat(taken().getHeaders().get("Authorization")).isEqualTo("Bearer tok-1");
        }
    }

    @Test
    void aDeadlineBoundsEveryCallOfTheRegistry(@TempDir Path dir) {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());
        try (Database db = Database.open(Workspace.databaseFile(dir))) {
            Clock clock = Clock.systemUTC();
            MlflowModelRegistry registry = new MlflowModelRegistry(client, new JdbcRegistryHistory(db), clock,
                    Duration.ofSeconds(30)).withDeadline(clock.instant().plusMillis(600));
            long start = System.nanoTime();
            assertThatThrownBy(() -> registry.resolve("summarizer", "production"))
                    .isInstanceOf(RemoteUnavailableException.class);
            // Without the deadline the answer would take 5 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
            MlflowModelRegistry late = new MlflowModelRegistry(client, new JdbcRegistryHistory(db),
                    new SimulatedClock(java.time.Instant.parse("2025-03-01T10:00:00Z")), Duration.ofSeconds(30))
                    .withDeadline(java.time.Instant.parse("2025-03-01T09:59:59Z"));
            assertThatThrownBy(() -> late.resolve("summarizer", "production"))
                    .hasMessageContaining("the deadline 2025-03-01T09:59:59Z has passed");
        }
    }
}
