package io.promptdesk.registry.mlflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptdesk.remote.HttpReply;
import io.promptdesk.remote.RemoteEndpoint;
import io.promptdesk.remote.RemoteHttp;
import io.promptdesk.remote.RemoteUnavailableException;
import io.promptdesk.remote.Sleeper;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MLflow's model registry REST API ({@code /api/2.0/mlflow/...}): registered models, model versions, tags and
 * aliases. GET parameters go in the query string, POST and DELETE parameters in a JSON body (the server reads
 * DELETE's from the body). Reads and the upserts (set tag, set or delete alias) are retried; creates are not, since a
 * retried create adds another version. Each call is bounded by the caller's budget. Thread-safe.
 */
public final class MlflowClient implements AutoCloseable {
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final String BASE = "api/2.0/mlflow/";

    private final RemoteHttp http;
    private final ObjectMapper json = new ObjectMapper();

    public MlflowClient(RemoteEndpoint endpoint, Sleeper sleeper) {
        this.http = new RemoteHttp(endpoint, sleeper);
    }

    public RemoteEndpoint endpoint() {
        return http.endpoint();
    }

    /** The server's version from {@code GET /version} (plain text), or "unknown" when it does not say. */
    public String serverVersion(Duration budget) {
        HttpReply reply = http.send(new Request.Builder().url(http.endpoint().url("version").build()).get().build(),
                true, budget);
        String v = reply.body() == null ? "" : reply.body().strip();
        return reply.ok() && !v.isEmpty() && v.length() < 40 && !v.startsWith("<") ? v : "unknown";
    }

    /** The registered model, or empty when MLflow has none of that name. */
    public Optional<MlflowModel> getRegisteredModel(String name, Duration budget) {
        return absentIf404(() -> MlflowJson.model(get("registered-models/get", budget, "name", name)
                .path("registered_model")));
    }

    public MlflowPage<MlflowModel> searchRegisteredModels(String filter, int maxResults, String pageToken,
                                                          Duration budget) {
        JsonNode r = get("registered-models/search", budget, "filter", filter, "max_results",
                Integer.toString(maxResults), "page_token", pageToken);
        List<MlflowModel> items = new ArrayList<>();
        r.path("registered_models").forEach(m -> items.add(MlflowJson.model(m)));
        return new MlflowPage<>(items, r.path("next_page_token").asText(null));
    }

    /** @throws MlflowApiException with {@code RESOURCE_ALREADY_EXISTS} when the name is taken */
    public MlflowModel createRegisteredModel(String name, String description, Map<String, String> tags,
                                             Duration budget) {
        ObjectNode body = json.createObjectNode().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        body.set("tags", tagArray(tags));
        return MlflowJson.model(send("POST", "registered-models/create", body, false, budget)
                .path("registered_model"));
    }

    /** The version, or empty when the model or the version does not exist. */
    public Optional<MlflowVersion> getModelVersion(String name, String version, Duration budget) {
        return absentIf404(() -> MlflowJson.version(get("model-versions/get", budget, "name", name,
                "version", version).path("model_version")));
    }

    public MlflowPage<MlflowVersion> searchModelVersions(String filter, String orderBy, int maxResults,
                                                         String pageToken, Duration budget) {
        JsonNode r = get("model-versions/search", budget, "filter", filter, "order_by", orderBy,
                "max_results", Integer.toString(maxResults), "page_token", pageToken);
        List<MlflowVersion> items = new ArrayList<>();
        r.path("model_versions").forEach(v -> items.add(MlflowJson.version(v)));
        return new MlflowPage<>(items, r.path("next_page_token").asText(null));
    }

    /** Not retried: a create whose answer was lost may have created the version. */
    public MlflowVersion createModelVersion(String name, String source, String description, Map<String, String> tags,
                                            Duration budget) {
        ObjectNode body = json.createObjectNode().put("name", name).put("source", source);
        if (description != null) {
            body.put("description", description);
        }
        body.set("tags", tagArray(tags));
        return MlflowJson.version(send("POST", "model-versions/create", body, false, budget).path("model_version"));
    }

    public void setModelVersionTag(String name, String version, String key, String value, Duration budget) {
        send("POST", "model-versions/set-tag", json.createObjectNode().put("name", name).put("version", version)
                .put("key", key).put("value", value), true, budget);
    }

    public void setRegisteredModelTag(String name, String key, String value, Duration budget) {
        send("POST", "registered-models/set-tag", json.createObjectNode().put("name", name).put("key", key)
                .put("value", value), true, budget);
    }

    /**
     * The version an alias points to, or empty when the alias is not set. MLflow answers a missing alias, and a
     * missing model, with 400 INVALID_PARAMETER_VALUE "... alias ... not found", not 404.
     */
    public Optional<MlflowVersion> getVersionByAlias(String name, String alias, Duration budget) {
        try {
            return Optional.of(MlflowJson.version(get("registered-models/alias", budget, "name", name, "alias", alias)
                    .path("model_version")));
        } catch (MlflowApiException e) {
            if (e.is("INVALID_PARAMETER_VALUE") && e.getMessage().contains("not found")
                    || e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** An upsert: the alias moves to {@code version} wherever it pointed. */
    public void setAlias(String name, String alias, String version, Duration budget) {
        send("POST", "registered-models/alias", json.createObjectNode().put("name", name).put("alias", alias)
                .put("version", version), true, budget);
    }

    /** Idempotent: deleting an alias that is not set succeeds. */
    public void deleteAlias(String name, String alias, Duration budget) {
        send("DELETE", "registered-models/alias", json.createObjectNode().put("name", name).put("alias", alias),
                true, budget);
    }

    private JsonNode get(String path, Duration budget, String... params) {
        HttpUrl.Builder url = http.endpoint().url(BASE + path);
        for (int i = 0; i < params.length; i += 2) {
            if (params[i + 1] != null) {
                url.addQueryParameter(params[i], params[i + 1]);
            }
        }
        return exchange(new Request.Builder().url(url.build()).get().build(), true, budget);
    }

    private JsonNode send(String method, String path, ObjectNode body, boolean idempotent, Duration budget) {
        RequestBody content = RequestBody.create(body.toString(), JSON_TYPE);
        return exchange(new Request.Builder().url(http.endpoint().url(BASE + path).build()).method(method, content)
                .build(), idempotent, budget);
    }

    private JsonNode exchange(Request request, boolean idempotent, Duration budget) {
        HttpReply reply = http.send(request, idempotent, budget);
        JsonNode root = parse(reply);
        if (reply.ok()) {
            if (root == null) {
                throw new RemoteUnavailableException(where() + " answered HTTP " + reply.status()
                        + " with a body that is not JSON (" + reply.excerpt() + "): is the URL the MLflow server?",
                        null);
            }
            return root;
        }
        String code = root == null ? null : root.path("error_code").asText(null);
        String message = root == null ? null : root.path("message").asText(null);
        String what = request.method() + " " + request.url().encodedPath();
        if (reply.status() >= 500) {
            throw new RemoteUnavailableException(where() + " failed " + what + " with HTTP " + reply.status()
                    + (code == null ? " and no MLflow error" + excerpt(reply) + hint(reply.status())
                    : " " + code + ": " + message), null);
        }
        if (code == null) {
            throw new MlflowApiException(reply.status(), null, where() + " answered " + what + " with HTTP "
                    + reply.status() + excerpt(reply) + hint(reply.status()));
        }
        throw new MlflowApiException(reply.status(), code, message == null ? code : message);
    }

    private JsonNode parse(HttpReply reply) {
        if (reply.body() == null || reply.body().isBlank()) {
            return reply.ok() ? json.createObjectNode() : null;
        }
        try {
            JsonNode n = json.readTree(reply.body());
            return n != null && n.isObject() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String excerpt(HttpReply reply) {
        return reply.excerpt().isEmpty() ? "" : " (" + reply.excerpt() + ")";
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> ": check the token the connection settings name (its environment variable or OS "
                    + "secret store entry)";
            case 404 -> ": no such endpoint; is the URL the MLflow tracking server?";
            case 503 -> ": is the server running with the model registry (not artifacts-only)?";
            default -> "";
        };
    }

    private ArrayNode tagArray(Map<String, String> tags) {
        ArrayNode a = json.createArrayNode();
        tags.forEach((k, v) -> a.addObject().put("key", k).put("value", v));
        return a;
    }

    private static <T> Optional<T> absentIf404(java.util.function.Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (MlflowApiException e) {
            if (e.is("RESOURCE_DOES_NOT_EXIST")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String where() {
        return http.endpoint().describe();
    }

    @Override
    public void close() {
        http.close();
    }
}
