package io.promptdesk.metrics.prometheus;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Prometheus (Debian's package) for tests: started on 127.0.0.1 with a temporary TSDB and a config that
 * scrapes one target, stopped by {@link #close()}. Readiness is read from its log, not polled.
 * <p>
 * When the binary is missing a test is skipped with a loud message on a developer's machine, and fails in CI
 * (environment variable CI set), where {@code .ci/run} installs the package.
 */
public final class LocalPrometheus implements AutoCloseable {
    private static final String READY = "Server is ready to receive web requests.";

    private final Process process;
    private final int port;
    private final List<String> log;

    private LocalPrometheus(Process process, int port, List<String> log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The binary, from $PATH or /usr/bin, if installed. */
    public static Optional<Path> binary(String name) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, name));
            }
        }
        candidates.add(Path.of("/usr/bin", name));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    /** The binary, or the test is skipped (developer machine) or failed (CI). */
    public static Path requireBinary(String name) {
        Optional<Path> found = binary(name);
        if (found.isEmpty()) {
            String message = "'" + name + "' is not installed: the tests against a real Prometheus need Debian's "
                    + "package (apt-get install -y prometheus)";
            if (System.getenv("CI") != null) {
                Assertions.fail(message + "; CI must install it (.ci/run)");
            }
            System.err.println("\n*** SKIPPED: " + message + " ***\n");
            Assumptions.abort(message);
        }
        return found.get();
    }

    /** Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics} every {@code scrapeInterval}. */
    public static LocalPrometheus start(Path dir, int targetPort, Duration scrapeInterval) {
        Path binary = requireBinary("prometheus");
        try {
            Path config = dir.resolve("prometheus.yml");
            String every = scrapeInterval.toMillis() + "ms";
            Files.writeString(config, "global:\n  scrape_interval: " + every + "\n  evaluation_interval: " + every
                    + "\nscrape_configs:\n  - job_name: promptdesk\n    metrics_path: /metrics\n"
                    + "    static_configs:\n      - targets: ['127.0.0.1:" + targetPort + "']\n");
            int port = freePort();
            Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.retention.time=1h", "--log.level=info")
                    .redirectErrorStream(true).start();
            List<String> log = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<Boolean> ready = new CompletableFuture<>();
            Thread reader = new Thread(() -> read(p, log, ready), "prometheus-log");
            reader.setDaemon(true);
            reader.start();
            LocalPrometheus prometheus = new LocalPrometheus(p, port, log);
            try {
                if (!ready.get(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("Prometheus exited before it was ready:\n" + prometheus.logText());
                }
            } catch (TimeoutException | ExecutionException e) {
                prometheus.close();
                throw new IllegalStateException("Prometheus did not become ready in 30 s:\n" + prometheus.logText(), e);
            }
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void read(Process p, List<String> log, CompletableFuture<Boolean> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                log.add(line);
                if (line.contains(READY)) {
                    ready.complete(true);
                }
            }
        } catch (IOException e) {
            log.add("log reader: " + e);
        }
        ready.complete(false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public String logText() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
