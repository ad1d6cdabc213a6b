package io.promptdesk.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Persistence of the registry aggregate (a model with its versions, aliases, tags and history). Implementations
 * keep the SQL portable; the embedded one is SQLite, a shared one may be PostgreSQL.
 */
public interface RegistryRepository {

    /** Runs {@code work} in one transaction: all its reads see one state and all its writes commit together. */
    <T> T atomically(Supplier<T> work);

    Optional<Model> findModel(String model);

    List<Model> models();

    void insertModel(String model, Instant at, String by);

    Optional<ModelVersion> findVersion(String model, String version);

    List<ModelVersion> versions(String model);

    void insertVersion(ModelVersion version);

    void updateStatus(String model, String version, VersionStatus status);

    Map<String, String> aliases(String model);

    void putAlias(String model, String alias, String version, Instant at, String by);

    void deleteAlias(String model, String alias);

    void putTag(String model, String version, String key, String value);

    /** Appends an event, numbering it after the model's last one; returns the stored event. */
    RegistryEvent append(RegistryEvent event);

    List<RegistryEvent> events(String model);
}
