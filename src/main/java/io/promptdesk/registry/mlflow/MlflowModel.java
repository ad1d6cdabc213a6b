package io.promptdesk.registry.mlflow;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered model as MLflow sends it.
 *
 * @param aliases alias to version number; authoritative from {@code registered-models/get}, possibly empty in
 *                search results
 */
public record MlflowModel(String name, long creationTimestamp, String description, Map<String, String> tags,
                          Map<String, String> aliases) {
    public MlflowModel {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }
}
