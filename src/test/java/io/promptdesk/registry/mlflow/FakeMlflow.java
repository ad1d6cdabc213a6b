package io.promptdesk.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-memory MLflow registry answering as EXTERNAL_APIS.md documents the real one: versions as strings,
 * numbers for timestamps, DELETE parameters in a JSON body, POST refused without a JSON content type, a missing alias
 * answered with 400 INVALID_PARAMETER_VALUE, and - the quirk - search results without their aliases.
 */
public final class FakeMlflow extends Dispatcher {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME_FILTER = Pattern.compile("name = '([^']*)'");
    private static final Pattern LABEL_FILTER = Pattern.compile("tags\\.`([^`]*)` = '([^']*)'");

    private final Map<String, ObjectNode> models = new TreeMap<>();
    private final Map<String, List<ObjectNode>> versions = new TreeMap<>();
    private final Map<String, Map<String, String>> aliases = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private long time = 1_718_000_000_000L;

    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest r) {
        String path = r.getUrl().encodedPath().replace("/api/2.0/mlflow/", "");
        calls.add(r.getMethod() + " " + path);
        try {
            if (!r.getMethod().equals("GET")) {
                String type = r.getHeaders().get("Content-Type");
                if (type == null || !type.startsWith("application/json")) {
                    return error(400, "INVALID_PARAMETER_VALUE",
                            "Bad Request. Content-Type must be one of [application/json].");
                }
            }
            JsonNode body = r.getMethod().equals("GET") ? JSON.createObjectNode() : JSON.readTree(r.getBody().utf8());
            return switch (r.getMethod() + " " + path) {
                case "GET registered-models/get" -> getModel(r.getUrl().queryParameter("name"));
                case "GET registered-models/search" -> searchModels();
                case "POST registered-models/create" -> createModel(body);
                case "GET model-versions/get" -> getVersion(r.getUrl().queryParameter("name"),
                        r.getUrl().queryParameter("version"));
                case "GET model-versions/search" -> searchVersions(r.getUrl().queryParameter("filter"),
                        r.getUrl().queryParameter("order_by"), r.getUrl().queryParameter("max_results"));
                case "POST model-versions/create" -> createVersion(body);
                case "POST model-versions/set-tag" -> setTag(body);
                case "POST registered-models/set-tag" -> setModelTag(body);
                case "GET registered-models/alias" -> byAlias(r.getUrl().queryParameter("name"),
                        r.getUrl().queryParameter("alias"));
                case "POST registered-models/alias" -> setAlias(body);
                case "DELETE registered-models/alias" -> deleteAlias(body);
                default -> new MockResponse.Builder().code(404).setHeader("Content-Type", "text/html")
                        .body("<!doctype html><title>404 Not Found</title>").build();
            };
        } catch (IOException e) {
            return error(400, "BAD_REQUEST", "malformed JSON: " + e.getMessage());
        }
    }

    private MockResponse getModel(String name) {
        ObjectNode m = models.get(name);
        if (m == null) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found");
        }
        ObjectNode copy = m.deepCopy();
        ArrayNode a = copy.putArray("aliases");
        aliases.getOrDefault(name, Map.of()).forEach((k, v) -> a.addObject().put("alias", k).put("version", v));
        return ok(JSON.createObjectNode().set("registered_model", copy));
    }

    private MockResponse searchModels() {
        ArrayNode list = JSON.createArrayNode();
        models.values().forEach(m -> list.add(m.deepCopy()));
        return ok(JSON.createObjectNode().set("registered_models", list));
    }

    private MockResponse createModel(JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isEmpty()) {
            return error(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'.");
        }
        if (models.containsKey(name)) {
            return error(400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
        }
        ObjectNode m = JSON.createObjectNode().put("name", name).put("creation_timestamp", ++time)
                .put("last_updated_timestamp", time);
        m.set("tags", body.path("tags").deepCopy());
        models.put(name, m);
        versions.put(name, new ArrayList<>());
        return ok(JSON.createObjectNode().set("registered_model", m.deepCopy()));
    }

    private MockResponse getVersion(String name, String version) {
        ObjectNode v = find(name, version);
        if (v == null) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + name + ", version=" + version
                    + ") not found");
        }
        return ok(JSON.createObjectNode().set("model_version", withAliases(v)));
    }

    private MockResponse searchVersions(String filter, String orderBy, String maxResults) {
        Matcher name = NAME_FILTER.matcher(filter == null ? "" : filter);
        Matcher tag = LABEL_FILTER.matcher(filter == null ? "" : filter);
        boolean byTag = tag.find();
        List<ObjectNode> hits = new ArrayList<>();
        if (name.find()) {
            for (ObjectNode v : versions.getOrDefault(name.group(1), List.of())) {
                if (!byTag || tag.group(2).equals(tagOf(v, tag.group(1)))) {
                    hits.add(v);
                }
            }
        }
        Comparator<ObjectNode> byNumber = Comparator.comparingLong(v -> Long.parseLong(v.path("version").asText()));
        hits.sort(orderBy != null && orderBy.endsWith("DESC") ? byNumber.reversed() : byNumber);
        int max = Integer.parseInt(maxResults);
        ArrayNode list = JSON.createArrayNode();
        hits.stream().limit(max).forEach(v -> list.add(v.deepCopy()));
        return ok(JSON.createObjectNode().set("model_versions", list));
    }

    private MockResponse createVersion(JsonNode body) {
        String name = body.path("name").asText();
        if (!models.containsKey(name)) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found");
        }
        List<ObjectNode> list = versions.get(name);
        ObjectNode v = JSON.createObjectNode().put("name", name).put("version", Integer.toString(list.size() + 1))
                .put("creation_timestamp", ++time).put("last_updated_timestamp", time)
                .put("current_stage", "None").put("source", body.path("source").asText())
                .put("status", "READY");
        if (body.has("description")) {
            v.put("description", body.path("description").asText());
        }
        v.set("tags", body.path("tags").deepCopy());
        list.add(v);
        return ok(JSON.createObjectNode().set("model_version", v.deepCopy()));
    }

    private MockResponse setTag(JsonNode body) {
        ObjectNode v = find(body.path("name").asText(), body.path("version").asText());
        if (v == null) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Model Version not found");
        }
        ArrayNode tags = v.has("tags") ? (ArrayNode) v.get("tags") : v.putArray("tags");
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (tags.get(i).path("key").asText().equals(body.path("key").asText())) {
                tags.remove(i);
            }
        }
        tags.addObject().put("key", body.path("key").asText()).put("value", body.path("value").asText());
        return ok(JSON.createObjectNode());
    }

    private MockResponse byAlias(String name, String alias) {
        String version = aliases.getOrDefault(name, Map.of()).get(alias);
        if (version == null) {
            return error(400, "INVALID_PARAMETER_VALUE", "Registered model alias " + alias + " not found.");
        }
        return ok(JSON.createObjectNode().set("model_version", withAliases(find(name, version))));
    }

    private MockResponse setAlias(JsonNode body) {
        String name = body.path("name").asText();
        JsonNode version = body.path("version");
        if (!version.isTextual()) {
            return error(400, "INVALID_PARAMETER_VALUE", "Invalid value for parameter 'version' supplied.");
        }
        if (find(name, version.asText()) == null) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Model Version (name=" + name + ", version="
                    + version.asText() + ") not found");
        }
        aliases.computeIfAbsent(name, n -> new TreeMap<>()).put(body.path("alias").asText(), version.asText());
        return ok(JSON.createObjectNode());
    }

    private MockResponse deleteAlias(JsonNode body) {
        String name = body.path("name").asText();
        if (!models.containsKey(name)) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + name + " not found");
        }
        aliases.getOrDefault(name, new TreeMap<>()).remove(body.path("alias").asText());
        return ok(JSON.createObjectNode());
    }

    private MockResponse setModelTag(JsonNode body) {
        ObjectNode m = models.get(body.path("name").asText());
        if (m == null) {
            return error(404, "RESOURCE_DOES_NOT_EXIST", "Registered Model with name=" + body.path("name").asText()
                    + " not found");
        }
        ArrayNode tags = m.has("tags") ? (ArrayNode) m.get("tags") : m.putArray("tags");
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (tags.get(i).path("key").asText().equals(body.path("key").asText())) {
                tags.remove(i);
            }
        }
        tags.addObject().put("key", body.path("key").asText()).put("value", body.path("value").asText());
        return ok(JSON.createObjectNode());
    }

    /** A registered model's tag, or null. */
    public synchronized String modelTag(String name, String key) {
        ObjectNode m = models.get(name);
        return m == null ? null : tagOf(m, key);
    }

    private ObjectNode find(String name, String version) {
        return versions.getOrDefault(name, List.of()).stream().filter(v -> v.path("version").asText()
                .equals(version)).findFirst().orElse(null);
    }

    private ObjectNode withAliases(ObjectNode v) {
        ObjectNode copy = v.deepCopy();
        ArrayNode a = copy.putArray("aliases");
        aliases.getOrDefault(v.path("name").asText(), Map.of()).forEach((alias, version) -> {
            if (version.equals(v.path("version").asText())) {
                a.add(alias);
            }
        });
        return copy;
    }

    private static String tagOf(ObjectNode v, String key) {
        for (JsonNode t : v.path("tags")) {
            if (t.path("key").asText().equals(key)) {
                return t.path("value").asText();
            }
        }
        return null;
    }

    private static MockResponse ok(JsonNode body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(body.toString()).build();
    }

    static MockResponse error(int code, String errorCode, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("error_code", errorCode);
        e.put("message", message);
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
                .body(JSON.valueToTree(e).toString()).build();
    }
}
