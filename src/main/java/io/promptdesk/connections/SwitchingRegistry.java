package io.promptdesk.connections;

import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.VersionStatus;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The registry of the engines in use at each call, so engines built once follow a change of connections. */
final class SwitchingRegistry implements ModelRegistry {
    private final Supplier<ModelRegistry> current;

    SwitchingRegistry(Supplier<ModelRegistry> current) {
        this.current = current;
    }

    @Override
    public ModelVersion register(NewVersion version, Attribution by) {
        return current.get().register(version, by);
    }

    @Override
    public Optional<ModelVersion> find(String model, String version) {
        return current.get().find(model, version);
    }

    @Override
    public ModelVersion get(String model, String version) {
        return current.get().get(model, version);
    }

    @Override
    public List<Model> models() {
        return current.get().models();
    }

    @Override
    public Model model(String model) {
        return current.get().model(model);
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return current.get().versions(model);
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        return current.get().resolve(model, alias);
    }

    @Override
    public void setAlias(String model, String alias, String version, Attribution by) {
        current.get().setAlias(model, alias, version, by);
    }

    @Override
    public void removeAlias(String model, String alias, Attribution by) {
        current.get().removeAlias(model, alias, by);
    }

    @Override
    public void setStatus(String model, String version, VersionStatus status, Attribution by) {
        current.get().setStatus(model, version, status, by);
    }

    @Override
    public void setTag(String model, String version, String key, String value, Attribution by) {
        current.get().setTag(model, version, key, value, by);
    }

    @Override
    public List<RegistryEvent> history(String model) {
        return current.get().history(model);
    }
}
