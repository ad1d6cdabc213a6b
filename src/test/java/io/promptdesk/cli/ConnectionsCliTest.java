package io.promptdesk.cli;

import io.promptdesk.metrics.MetricsHttpServer;
import io.promptdesk.metrics.prometheus.LocalPrometheus;
import io.promptdesk.registry.mlflow.FakeMlflow;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code promptdesk connections test}, and the registry commands on MLflow through --mlflow-url. */
class ConnectionsCliTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine cl = PromptDeskCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String ws() {
        return dir.resolve("ws").toString();
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void everyNamedEngineThatAnswersExitsZero() throws Exception {
        LocalPrometheus.requireBinary("prometheus");
        try (MetricsHttpServer metrics = MetricsHttpServer.start(() -> "", 0);
             LocalPrometheus prometheus = LocalPrometheus.start(dir, metrics.port(), Duration.ofSeconds(1));
             MockWebServer mlflow = new MockWebServer()) {
            mlflow.setDispatcher(new FakeMlflow());
            mlflow.start(InetAddress.getLoopbackAddress(), 0);
            Result r = run("connections", "test", "--workspace", ws(), "--prometheus-url", prometheus.url(),
                    "--mlflow-url", mlflow.url("/").toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("Prometheus  " + prometheus.url() + "  ok  \\d+ ms  version 2\\.")
                    .contains("MLflow  " + mlflow.url("/") + "  ok");
            assertThat(r.err()).isEmpty();
        }
    }

    @Test
    void anEngineThatDoesNotAnswerExitsOneSayingWhichAndWhy() throws Exception {
        int port = deadPort();
        Result r = run("connections", "test", "--workspace", ws(), "--timeout", "2",
                "--prometheus-url", "http://127.0.0.1:" + port + "/");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("Prometheus  http://127.0.0.1:" + port + "/  FAILED");
        assertThat(r.err()).startsWith("promptdesk connections test: Prometheus does not answer: Prometheus at "
                + "http://127.0.0.1:" + port + "/ refused the connection");
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        assertThat(run("connections", "test", "--workspace", ws(), "--mlflow-url", "mlflow:5000").exit())
                .isEqualTo(2);
        Result none = run("connections", "test", "--workspace", ws());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no remote engine to test");
        Files.createDirectories(dir.resolve("ws"));
        Files.writeString(dir.resolve("ws/promptdesk.yaml"), "connections:\n  mlflow:\n    url: http://x/\n"
                + "    auth: {type: bearer, token: abc123}\n");
        Result secret = run("connections", "test", "--workspace", ws());
        assertThat(secret.exit()).isEqualTo(2);
        assertThat(secret.err()).contains("secrets are never read from the workspace file").doesNotContain("abc123");
    }

    @Test
    void theWorkspaceFileNamesTheEnginesToTest() throws Exception {
        int port = deadPort();
        Files.createDirectories(dir.resolve("ws"));
        Files.writeString(dir.resolve("ws/promptdesk.yaml"), "connections:\n  mlflow:\n    url: http://127.0.0.1:"
                + port + "/\n    connect_timeout_ms: 500\n");
        Result r = run("connections", "test", "--workspace", ws(), "--timeout", "2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("MLflow does not answer");
    }

    @Test
    void registryCommandsWorkOnMlflow() throws Exception {
        Files.writeString(dir.resolve("v1.prompt"), "Summarise {{ text }}");
        try (MockWebServer mlflow = new MockWebServer()) {
            FakeMlflow fake = new FakeMlflow();
            mlflow.setDispatcher(fake);
            mlflow.start(InetAddress.getLoopbackAddress(), 0);
            String url = mlflow.url("/").toString();
            Result reg = run("registry", "register", "--workspace", ws(), "--actor", "ana", "--mlflow-url", url,
                    "--model", "summarizer", "--version", "1.0", "--template-file", dir.resolve("v1.prompt").toString(),
                    "--status", "stable");
            assertThat(reg.exit()).as(reg.err()).isZero();
            Result list = run("registry", "list", "--workspace", ws(), "--mlflow-url", url);
            assertThat(list.exit()).as(list.err()).isZero();
            assertThat(list.out()).contains("summarizer  1 version(s)  production=1");
            assertThat(fake.calls()).contains("POST model-versions/create", "POST registered-models/alias");
            Result embedded = run("registry", "list", "--workspace", ws());
            assertThat(embedded.out()).doesNotContain("summarizer");
        }
    }

    @Test
    void rollbackAndHistoryWorkOnMlflowThroughTheSameFlags() throws Exception {
        Files.writeString(dir.resolve("v1.prompt"), "Summarise {{ text }}");
        Files.writeString(dir.resolve("v2.prompt"), "Summarise {{ text }} in one line");
        try (MockWebServer mlflow = new MockWebServer()) {
            FakeMlflow fake = new FakeMlflow();
            mlflow.setDispatcher(fake);
            mlflow.start(InetAddress.getLoopbackAddress(), 0);
            String url = mlflow.url("/").toString();
            for (String v : new String[] {"1", "2"}) {
                Result reg = run("registry", "register", "--workspace", ws(), "--actor", "ana", "--mlflow-url", url,
                        "--model", "summarizer", "--version", v + ".0", "--template-file",
                        dir.resolve("v" + v + ".prompt").toString(), "--status", "stable");
                assertThat(reg.exit()).as(reg.err()).isZero();
            }

            Result back = run("rollback", "--workspace", ws(), "--mlflow-url", url, "--model", "summarizer",
                    "--current-version", "2", "--target-version", "1", "--reason", "bad answers", "--json");

            assertThat(back.exit()).as(back.err()).isZero();
            assertThat(back.out()).contains("\"status\" : \"success\"");
            // MLflow numbers its versions; the moved alias is what production now resolves to.
            assertThat(fake.calls()).contains("POST registered-models/alias");
            Result shown = run("registry", "list", "--workspace", ws(), "--mlflow-url", url);
            assertThat(shown.out()).contains("production=1");
            Result history = run("history", "--workspace", ws(), "--mlflow-url", url, "--model", "summarizer");
            assertThat(history.exit()).as(history.err()).isZero();
            assertThat(history.out()).contains("2 -> 1").contains("success").contains("bad answers");
            // Without the flag the same workspace's embedded registry knows no such model.
            Result embedded = run("rollback", "--workspace", ws(), "--model", "summarizer", "--current-version",
                    "2", "--target-version", "1");
            assertThat(embedded.exit()).isNotZero();
        }
    }
}
