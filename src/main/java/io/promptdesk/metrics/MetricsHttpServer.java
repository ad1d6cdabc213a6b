package io.promptdesk.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in the Prometheus text format on the loopback interface only: the simulated service's
 * numbers are for a local Prometheus, never for the network. One worker thread, owned and stopped by {@link #close()}.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * @param port the port on 127.0.0.1, or 0 for any free one (see {@link #port()})
     * @throws io.promptdesk.model.BadInputException when the port is taken or not allowed
     */
    public static MetricsHttpServer start(Supplier<String> exposition, int port) {
        if (port < 0 || port > 65_535) {
            throw new io.promptdesk.model.BadInputException("port " + port + " is not in 0..65535");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new io.promptdesk.model.BadInputException("cannot listen on 127.0.0.1:" + port + ": "
                    + e.getMessage() + "; choose another --port, or 0 for any free port", e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, exposition));
        server.start();
        LOG.info("serving metrics on {}", uri(server));
        return new MetricsHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The scrape address, {@code http://127.0.0.1:<port>/metrics}. */
    public URI uri() {
        return uri(server);
    }

    private static URI uri(HttpServer server) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/metrics");
    }

    private static void handle(HttpExchange exchange, Supplier<String> exposition) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found: the metrics are at /metrics\n");
            } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain; charset=utf-8", "use GET\n");
            } else {
                reply(exchange, 200, PrometheusText.CONTENT_TYPE, exposition.get());
            }
        } catch (UncheckedIOException e) {
            LOG.debug("metrics request failed: {}", e.getMessage());
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
