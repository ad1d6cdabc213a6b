package io.promptdesk.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@code connections:} section of the workspace's {@code promptdesk.yaml}, and the environment variables that
 * override it ({@value #ENV_PROMETHEUS_URL}, {@value #ENV_MLFLOW_URL}, {@value #ENV_ROUTER},
 * {@value #ENV_ROUTER_URL}). Secrets are never in the file: it names the variables that hold them
 * ({@code token_env}, {@code password_env}, {@code secret_env}) or their OS secret store entries
 * ({@code token_secret}, {@code password_secret}, {@code secret_store}), one of the two per secret, and a secret
 * written there is refused.
 */
public final class ConnectionsFile {
    public static final String FILE = "promptdesk.yaml";
    public static final String ENV_PROMETHEUS_URL = "PROMPTDESK_PROMETHEUS_URL";
    public static final String ENV_MLFLOW_URL = "PROMPTDESK_MLFLOW_URL";
    public static final String ENV_ROUTER = "PROMPTDESK_ROUTER";
    public static final String ENV_ROUTER_URL = "PROMPTDESK_ROUTER_URL";
    private static final Set<String> SECRET_KEYS = Set.of("token", "password", "secret", "api_key", "apikey");
    private static final YAMLMapper YAML = new YAMLMapper();

    private ConnectionsFile() {
    }

    /** The workspace's settings; all embedded when the file or its section is absent. */
    public static ConnectionSettings read(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return ConnectionSettings.embedded();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + " is not readable YAML: " + e.getMessage(), e);
        }
        JsonNode c = root == null ? null : root.get("connections");
        if (c == null || c.isNull()) {
            return ConnectionSettings.embedded();
        }
        String where = file + ": connections";
        refuseSecrets(c, where);
        JsonNode p = c.path("prometheus");
        JsonNode r = c.path("router");
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        p.path("queries").fields().forEachRemaining(d -> {
            Map<String, String> q = new LinkedHashMap<>();
            d.getValue().fields().forEachRemaining(e -> q.put(e.getKey(), e.getValue().asText()));
            queries.put(d.getKey(), q);
        });
        ConnectionSettings s = new ConnectionSettings(endpoint(p), p.has("scrape_interval_s")
                ? Duration.ofMillis((long) (p.path("scrape_interval_s").asDouble() * 1000)) : null, queries,
                endpoint(c.path("mlflow")), r.has("type") ? RouterKind.of(r.path("type").asText()) : null,
                endpoint(r), text(r, "secret_env"), text(r, "secret_store"));
        checkSecrets(s.prometheus(), where + ".prometheus.auth");
        checkSecrets(s.mlflow(), where + ".mlflow.auth");
        checkSecrets(s.webhook(), where + ".router.auth");
        // The router type may come from the environment, so only a secret named twice is wrong here.
        refuse(s.webhookSecret().problem(false), where + ".router");
        return s;
    }

    /**
     * The workspace file's {@code store:} section (the embedded SQLite file when absent), with
     * {@value StoreSettings#ENV_STORE_URL} applied.
     */
    public static StoreSettings readStore(Path workspace, UnaryOperator<String> env) {
        return readStore(workspace).withEnvironment(env);
    }

    /** The workspace file's {@code store:} section as written; the embedded SQLite file when absent. */
    public static StoreSettings readStore(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return StoreSettings.embedded();
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new BadInputException(file + " is not readable YAML: " + e.getMessage(), e);
        }
        JsonNode st = root == null ? null : root.get("store");
        if (st == null || st.isNull()) {
            return StoreSettings.embedded();
        }
        String where = file + ": store";
        refuseSecrets(st, where);
        try {
            return new StoreSettings(text(st, "kind"), text(st, "url"), text(st, "user"), text(st, "password_env"),
                    text(st, "password_secret"));
        } catch (BadInputException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the {@code store:} section, keeping the file's other keys; the password's source, never the password. */
    public static void writeStore(Path workspace, StoreSettings st) {
        Path file = workspace.resolve(FILE);
        try {
            JsonNode existing = Files.isRegularFile(file) ? YAML.readTree(file.toFile()) : null;
            ObjectNode root = existing instanceof ObjectNode o ? o : YAML.createObjectNode();
            if (!st.team()) {
                root.remove("store");
            } else {
                ObjectNode n = root.putObject("store").put("kind", st.kind()).put("url", st.url());
                putIf(n, "user", st.user());
                putIf(n, "password_env", st.passwordEnv());
                putIf(n, "password_secret", st.passwordSecret());
            }
            Files.createDirectories(workspace);
            YAML.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each secret the auth type needs is named exactly once: by variable or by store entry. */
    private static void checkSecrets(EndpointSettings e, String where) {
        if (e != null && e.auth() == EndpointSettings.AuthType.BEARER) {
            refuse(e.token().problem(true), where);
        } else if (e != null && e.auth() == EndpointSettings.AuthType.BASIC) {
            refuse(e.password().problem(true), where);
        }
    }

    private static void refuse(String problem, String where) {
        if (!problem.isEmpty()) {
            throw new BadInputException(where + " " + problem);
        }
    }

    /** The settings with the environment's overrides applied. */
    public static ConnectionSettings withEnvironment(ConnectionSettings s, UnaryOperator<String> env) {
        ConnectionSettings out = s;
        String prometheus = blankToNull(env.apply(ENV_PROMETHEUS_URL));
        if (prometheus != null) {
            out = out.withPrometheus(s.prometheus() == null ? EndpointSettings.of(prometheus)
                    : s.prometheus().withUrl(prometheus));
        }
        String mlflow = blankToNull(env.apply(ENV_MLFLOW_URL));
        if (mlflow != null) {
            out = out.withMlflow(s.mlflow() == null ? EndpointSettings.of(mlflow) : s.mlflow().withUrl(mlflow));
        }
        String router = blankToNull(env.apply(ENV_ROUTER));
        if (router != null) {
            out = out.withRouter(RouterKind.of(router));
        }
        String routerUrl = blankToNull(env.apply(ENV_ROUTER_URL));
        if (routerUrl != null) {
            out = out.withWebhook(s.webhook() == null ? EndpointSettings.of(routerUrl) : s.webhook().withUrl(routerUrl),
                    s.webhookSecretEnv(), s.webhookSecretStore());
        }
        return out;
    }

    /** Writes the section into the workspace file, keeping its other keys; only names of secrets, never secrets. */
    public static void write(Path workspace, ConnectionSettings s) {
        Path file = workspace.resolve(FILE);
        try {
            JsonNode existing = Files.isRegularFile(file) ? YAML.readTree(file.toFile()) : null;
            ObjectNode root = existing instanceof ObjectNode o ? o : YAML.createObjectNode();
            ObjectNode c = root.putObject("connections");
            if (s.prometheus() != null) {
                ObjectNode p = endpointNode(c.putObject("prometheus"), s.prometheus());
                if (s.scrapeInterval() != null) {
                    p.put("scrape_interval_s", s.scrapeInterval().toMillis() / 1000.0);
                }
                if (!s.queries().isEmpty()) {
                    ObjectNode q = p.putObject("queries");
                    s.queries().forEach((d, m) -> {
                        ObjectNode dq = q.putObject(d);
                        m.forEach(dq::put);
                    });
                }
            }
            if (s.mlflow() != null) {
                endpointNode(c.putObject("mlflow"), s.mlflow());
            }
            ObjectNode r = c.putObject("router").put("type", s.router().key());
            if (s.webhook() != null) {
                endpointNode(r, s.webhook());
            }
            putIf(r, "secret_env", s.webhookSecretEnv());
            putIf(r, "secret_store", s.webhookSecretStore());
            Files.createDirectories(workspace);
            YAML.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static ObjectNode endpointNode(ObjectNode n, EndpointSettings e) {
        n.put("url", e.url());
        if (e.auth() != EndpointSettings.AuthType.NONE) {
            ObjectNode a = n.putObject("auth").put("type", e.auth().name().toLowerCase(Locale.ROOT));
            putIf(a, "token_env", e.tokenEnv());
            putIf(a, "token_secret", e.tokenSecret());
            putIf(a, "username", e.username());
            putIf(a, "password_env", e.passwordEnv());
            putIf(a, "password_secret", e.passwordSecret());
        }
        if (e.caFile() != null) {
            n.put("ca_file", e.caFile().toString());
        }
        if (e.insecure()) {
            n.put("insecure", true);
        }
        if (e.connectTimeout() != null) {
            n.put("connect_timeout_ms", e.connectTimeout().toMillis());
        }
        if (e.readTimeout() != null) {
            n.put("read_timeout_ms", e.readTimeout().toMillis());
        }
        return n;
    }

    private static void putIf(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static EndpointSettings endpoint(JsonNode n) {
        String url = text(n, "url");
        if (url == null) {
            return null;
        }
        JsonNode a = n.path("auth");
        EndpointSettings.AuthType type = a.has("type")
                ? EndpointSettings.AuthType.valueOf(a.path("type").asText().toUpperCase(Locale.ROOT))
                : EndpointSettings.AuthType.NONE;
        String ca = text(n, "ca_file");
        return new EndpointSettings(url, type, text(a, "token_env"), text(a, "token_secret"), text(a, "username"),
                text(a, "password_env"), text(a, "password_secret"), ca == null ? null : Path.of(ca),
                n.path("insecure").asBoolean(false), millis(n, "connect_timeout_ms"), millis(n, "read_timeout_ms"));
    }

    private static void refuseSecrets(JsonNode n, String where) {
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (SECRET_KEYS.contains(key)) {
                String storeKey = key.equals("secret") ? "secret_store" : key + "_secret";
                throw new BadInputException(where + "." + e.getKey() + ": secrets are never read from the workspace "
                        + "file; put it in an environment variable and name that variable with " + key + "_env, or "
                        + "in the OS secret store and name its entry with " + storeKey);
            }
            refuseSecrets(e.getValue(), where + "." + e.getKey());
        }
    }

    private static Duration millis(JsonNode n, String key) {
        return n.has(key) ? Duration.ofMillis(n.path(key).asLong()) : null;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : blankToNull(v.asText());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
