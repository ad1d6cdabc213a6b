package io.promptdesk.registry.mlflow;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A model version as MLflow sends it; every field is optional on the wire.
 *
 * @param version MLflow's number, a string on the wire; compare with {@link #number()}
 * @param aliases may be empty in search results even when aliases point here (an MLflow quirk)
 */
public record MlflowVersion(String name, String version, long creationTimestamp, long lastUpdatedTimestamp,
                            String description, String userId, String status, Map<String, String> tags,
                            List<String> aliases) {
    public MlflowVersion {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = List.copyOf(aliases);
    }

    /** The version number: versions compare numerically, never as text ("10" after "9"). */
    public long number() {
        return Long.parseLong(version);
    }
}
