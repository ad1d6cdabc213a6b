package io.promptdesk.registry;

import java.util.Optional;

/** What registering a version as stable means in any registry: it becomes production, the old one previous. */
public final class Promotion {
    private Promotion() {
    }

    /** Production moves to {@code version}; previous to the old production, which is retired (deprecated). */
    public static void toProduction(ModelRegistry registry, String model, String version, Attribution by) {
        Optional<ModelVersion> old = registry.resolve(model, ModelRegistry.PRODUCTION);
        registry.setStatus(model, version, VersionStatus.STABLE, by);
        if (old.isPresent() && !old.get().version().equals(version)) {
            registry.setAlias(model, ModelRegistry.PREVIOUS, old.get().version(), by);
            registry.setStatus(model, old.get().version(), VersionStatus.DEPRECATED, by);
        }
        registry.setAlias(model, ModelRegistry.PRODUCTION, version, by);
    }
}
