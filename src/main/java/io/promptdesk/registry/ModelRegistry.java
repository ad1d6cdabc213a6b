package io.promptdesk.registry;

import java.util.List;
import java.util.Optional;

/**
 * The model registry port: models (deployment names), their template versions with a status, aliases
 * ({@link #PRODUCTION}, {@link #CANARY}, {@link #PREVIOUS}) and tags. Every change is recorded with who, when and
 * why in an append-only history. Implementations are thread-safe; changes that would not change anything
 * (moving an alias to where it already points) record nothing, so callers can re-apply them after a crash.
 */
public interface ModelRegistry {
    String PRODUCTION = "production";
    String CANARY = "canary";
    String PREVIOUS = "previous";

    /**
     * Registers a version, creating its model on first use. The template's syntax is checked first.
     *
     * @throws io.promptdesk.model.PromptValidationException when the template has syntax errors
     * @throws RegistryException                              when the version exists or a name is malformed
     */
    ModelVersion register(NewVersion version, Attribution by);

    Optional<ModelVersion> find(String model, String version);

    /** @throws RegistryException naming the model's versions when there is no such version */
    ModelVersion get(String model, String version);

    List<Model> models();

    /** @throws RegistryException when there is no such model */
    Model model(String model);

    /** The model's versions, oldest first. */
    List<ModelVersion> versions(String model);

    /** The version an alias points to, if the alias is set. */
    Optional<ModelVersion> resolve(String model, String alias);

    /** Points {@code alias} at {@code version}. */
    void setAlias(String model, String alias, String version, Attribution by);

    void removeAlias(String model, String alias, Attribution by);

    void setStatus(String model, String version, VersionStatus status, Attribution by);

    void setTag(String model, String version, String key, String value, Attribution by);

    /** The model's changes, oldest first. */
    List<RegistryEvent> history(String model);
}
