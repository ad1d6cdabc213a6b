package io.promptdesk.engine.pipeline;

import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.VersionStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The registry as the rollback controller sees it when it is down: reads work, every status change fails. */
final class BrokenSwitchRegistry implements ModelRegistry {
    private final ModelRegistry delegate;

    BrokenSwitchRegistry(ModelRegistry delegate) {
        this.delegate = delegate;
    }

    @Override
    public ModelVersion register(NewVersion version, Attribution by) {
        return delegate.register(version, by);
    }

    @Override
    public Optional<ModelVersion> find(String model, String version) {
        return delegate.find(model, version);
    }

    @Override
    public ModelVersion get(String model, String version) {
        return delegate.get(model, version);
    }

    @Override
    public List<Model> models() {
        return delegate.models();
    }

    @Override
    public Model model(String model) {
        return delegate.model(model);
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return delegate.versions(model);
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        return delegate.resolve(model, alias);
    }

    @Override
    public void setAlias(String model, String alias, String version, Attribution by) {
        throw new UncheckedIOException(new IOException("registry unavailable (injected)"));
    }

    @Override
    public void removeAlias(String model, String alias, Attribution by) {
        delegate.removeAlias(model, alias, by);
    }

    @Override
    public void setStatus(String model, String version, VersionStatus status, Attribution by) {
        throw new UncheckedIOException(new IOException("registry unavailable (injected)"));
    }

    @Override
    public void setTag(String model, String version, String key, String value, Attribution by) {
        delegate.setTag(model, version, key, value, by);
    }

    @Override
    public List<RegistryEvent> history(String model) {
        return delegate.history(model);
    }
}
