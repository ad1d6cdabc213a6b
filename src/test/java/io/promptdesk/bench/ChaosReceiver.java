package io.promptdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The traffic webhook of {@code bench/chaos.sh}: a router a team would run, on 127.0.0.1 only. It keeps the split
 * of each deployment as sent, drops a split whose generation is older than one it already applied (a slow request
 * from an overtaken process), and answers {@code GET /state?deployment=D} with
 * {@code stable canary percentage generation}. Writes its port to the file given as the first argument.
 */
public final class ChaosReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SPLITS = new ConcurrentHashMap<>();
    private static final AtomicLong RECEIVED = new AtomicLong();

    private ChaosReceiver() {
    }

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/traffic", ChaosReceiver::traffic);
        server.createContext("/state", ChaosReceiver::state);
        server.start();
        Files.writeString(Path.of(args[0]), Integer.toString(server.getAddress().getPort()));
    }

    private static void traffic(HttpExchange ex) throws IOException {
        JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
        RECEIVED.incrementAndGet();
        String d = body.path("deployment").asText();
        synchronized (SPLITS) {
            JsonNode now = SPLITS.get(d);
            long generation = body.path("generation").asLong(Long.MAX_VALUE);
            if (now == null || generation >= now.path("generation").asLong(0)) {
                SPLITS.put(d, body);
            }
        }
        reply(ex, 204, "");
    }

    private static void state(HttpExchange ex) throws IOException {
        String q = ex.getRequestURI().getQuery();
        String d = q == null ? "" : q.replaceFirst("^deployment=", "");
        JsonNode s = SPLITS.get(d);
        reply(ex, 200, s == null ? "none" : s.path("stable_version").asText() + " "
                + (s.path("version").isNull() ? "-" : s.path("version").asText()) + " "
                + s.path("percentage").asInt() + " " + s.path("generation").asText("?") + " " + RECEIVED.get());
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
        ex.close();
    }
}
