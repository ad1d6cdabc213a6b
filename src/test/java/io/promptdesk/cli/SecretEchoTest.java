package io.promptdesk.cli;

import io.promptdesk.store.Workspace;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that lie: a Prometheus and an MLflow that echo the request's credentials in every error body and header.
 * The password given in the URL must appear in no output, no JSON, and nowhere in the workspace's files.
 */
class SecretEchoTest {
    private static final String PASSWORD = "s3cret-Token-42";
    private static final String BASIC = Base64.getEncoder().encodeToString(("ana:" + PASSWORD)
            .getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private final StringBuilder everything = new StringBuilder();

    /** Every request is refused, with its Authorization header (and what it decodes to) echoed back. */
    static final class Echo extends Dispatcher {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String auth = String.valueOf(request.getHeaders().get("Authorization"));
            String decoded = auth.startsWith("Basic ") ? new String(Base64.getDecoder().decode(auth.substring(6)),
                    StandardCharsets.UTF_8) : auth;
            return new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", auth)
                    .addHeader("Content-Type", "application/json")
                    .body("{\"status\": \"error\", \"errorType\": \"unauthorized\", \"error_code\": "
                            + "\"UNAUTHENTICATED\", \"message\": \"bad credentials " + auth + " (" + decoded + ")\", "
                            + "\"error\": \"denied " + auth + " (" + decoded + ")\"}").build();
        }
    }

    private int run(String... args) {
        CliTest.Result r = CliTest.run(args);
        everything.append(r.out()).append('\n').append(r.err()).append('\n');
        return r.exit();
    }

    @Test
    void credentialsEchoedByAServerAppearInNoOutputAndNoWorkspaceFile() throws Exception {
        String ws = dir.resolve("ws").toString();
        Path t = Files.writeString(dir.resolve("t.prompt"), "Write a hook about {topic}");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Echo());
            server.start(InetAddress.getLoopbackAddress(), 0);
            String url = "http://ana:" + PASSWORD + "@" + server.getHostName() + ":" + server.getPort() + "/";

            assertThat(run("connections", "test", "--workspace", ws, "--timeout", "2", "--prometheus-url", url,
                    "--mlflow-url", url)).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
            assertThat(run("connections", "test", "--workspace", ws, "--timeout", "2", "--prometheus-url", url,
                    "--json")).isEqualTo(PromptDeskCommand.EXIT_GATE_FAILED);
            // MLflow refuses: the registry commands fail, saying why without the secret.
            assertThat(run("registry", "list", "--workspace", ws, "--mlflow-url", url, "--json")).isNotZero();
            // An embedded registry with Prometheus metrics: health checks and rollback snapshots record the refusal.
            for (String v : List.of("1.0", "1.1")) {
                assertThat(run("registry", "register", "--workspace", ws, "--model", "hooks", "--version", v,
                        "--template-file", t.toString(), "--status", v.equals("1.0") ? "stable" : "candidate"))
                        .isZero();
            }
            assertThat(run("rollout", "start", "--workspace", ws, "--deployment", "hooks", "--version", "1.1",
                    "--prometheus-url", url, "--json")).isZero();
            run("rollout", "advance", "--workspace", ws, "--deployment", "hooks", "--percentage", "25",
                    "--prometheus-url", url, "--json");
            run("rollout", "status", "--workspace", ws, "--deployment", "hooks", "--prometheus-url", url, "--json");
            run("rollback", "--workspace", ws, "--model", "hooks", "--current-version", "1.1", "--prometheus-url",
                    url, "--json");
            run("history", "--workspace", ws, "--model", "hooks", "--json");
            run("audit", "verify", "--workspace", ws);
        }
        String all = everything.toString();
        assertThat(all).contains("401");
        assertThat(all).doesNotContain(PASSWORD).doesNotContain(BASIC);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("ws"))) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        assertThat(files).contains(Workspace.databaseFile(dir.resolve("ws")));
        // The echo did reach the records - as redacted text.
        assertThat(new String(Files.readAllBytes(Workspace.databaseFile(dir.resolve("ws"))), StandardCharsets.UTF_8))
                .contains("Basic [REDACTED] (ana:[REDACTED])");
        assertThat(all).contains("[REDACTED]");
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(f.toString()).doesNotContain(PASSWORD).doesNotContain(BASIC);
        }
    }
}
