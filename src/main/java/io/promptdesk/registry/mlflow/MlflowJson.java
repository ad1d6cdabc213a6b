package io.promptdesk.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads MLflow's JSON leniently: every field may be missing, unknown fields are ignored. */
final class MlflowJson {
    private MlflowJson() {
    }

    static MlflowVersion version(JsonNode v) {
        List<String> aliases = new ArrayList<>();
        v.path("aliases").forEach(a -> aliases.add(a.asText()));
        return new MlflowVersion(v.path("name").asText(null), text(v.path("version")),
                v.path("creation_timestamp").asLong(0), v.path("last_updated_timestamp").asLong(0),
                v.path("description").asText(null), v.path("user_id").asText(null), v.path("status").asText(null),
                tags(v.path("tags")), aliases);
    }

    static MlflowModel model(JsonNode m) {
        Map<String, String> aliases = new LinkedHashMap<>();
        m.path("aliases").forEach(a -> aliases.put(a.path("alias").asText(), text(a.path("version"))));
        return new MlflowModel(m.path("name").asText(null), m.path("creation_timestamp").asLong(0),
                m.path("description").asText(null), tags(m.path("tags")), aliases);
    }

    static Map<String, String> tags(JsonNode tags) {
        Map<String, String> out = new LinkedHashMap<>();
        tags.forEach(t -> out.put(t.path("key").asText(), t.path("value").asText("")));
        return out;
    }

    /** A version is a string on the wire; tolerate a number from a server that sends one. */
    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
