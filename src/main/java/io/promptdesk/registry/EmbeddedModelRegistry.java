package io.promptdesk.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The model registry on the workspace store. Each change runs in one transaction with its history event, so the
 * history never misses a change nor records one that did not happen.
 */
public final class EmbeddedModelRegistry implements ModelRegistry {
    private final RegistryRepository repository;
    private final Clock clock;

    public EmbeddedModelRegistry(RegistryRepository repository, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public ModelVersion register(NewVersion request, Attribution by) {
        String model = Names.model(request.model());
        String version = Names.version(request.version());
        request.tags().keySet().forEach(Names::tag);
        if (request.status() != VersionStatus.CANDIDATE && request.status() != VersionStatus.STABLE) {
            throw new RegistryException("a new version is registered as candidate or stable, not "
                    + request.status().key());
        }
        ParsedTemplate parsed = request.dialect() == null ? TemplateParser.parse(request.template())
                : TemplateParser.parse(request.template(), request.dialect());
        if (!parsed.isValid()) {
            Diagnostic first = parsed.diagnostics().get(0);
            throw new PromptValidationException("the template of " + model + " " + version + " has "
                    + parsed.diagnostics().size() + " syntax error(s); first at line " + first.line() + ", column "
                    + first.column() + ": " + first.message());
        }
        checkJson(request.testReport());
        return repository.atomically(() -> {
            Instant now = clock.instant();
            if (repository.findModel(model).isEmpty()) {
                repository.insertModel(model, now, by.actor());
                record(model, by, RegistryEventKind.MODEL_CREATED, null, null, null, null);
            }
            if (repository.findVersion(model, version).isPresent()) {
                throw new RegistryException(model + " already has a version " + version
                        + ": versions are immutable, register the change as a new version");
            }
            ModelVersion v = new ModelVersion(model, version, request.template(), parsed.dialect(),
                    request.testReport(), VersionStatus.CANDIDATE, by.actor(), now, request.tags());
            repository.insertVersion(v);
            record(model, by, RegistryEventKind.VERSION_REGISTERED, version, null, null,
                    VersionStatus.CANDIDATE.key());
            request.tags().forEach((k, val) -> setTag(model, version, k, val, by));
            if (request.status() == VersionStatus.STABLE) {
                Promotion.toProduction(this, model, version, by);
            }
            return get(model, version);
        });
    }

    @Override
    public Optional<ModelVersion> find(String model, String version) {
        return repository.findVersion(model, version);
    }

    @Override
    public ModelVersion get(String model, String version) {
        return repository.atomically(() -> repository.findVersion(model, version).orElseThrow(() -> {
            model(model);
            String known = repository.versions(model).stream().map(ModelVersion::version)
                    .collect(Collectors.joining(", "));
            return new RegistryException(model + " has no version " + version + "; its versions are: " + known);
        }));
    }

    @Override
    public List<Model> models() {
        return repository.models();
    }

    @Override
    public Model model(String model) {
        return repository.findModel(model).orElseThrow(() -> new RegistryException("no model named " + model
                + " in the registry; register a version first (promptdesk registry register)"));
    }

    @Override
    public List<ModelVersion> versions(String model) {
        return repository.atomically(() -> {
            model(model);
            return repository.versions(model);
        });
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        return repository.atomically(() -> {
            String version = repository.aliases(model).get(alias);
            return version == null ? Optional.empty() : repository.findVersion(model, version);
        });
    }

    @Override
    public void setAlias(String model, String alias, String version, Attribution by) {
        Names.alias(alias);
        repository.atomically(() -> {
            get(model, version);
            String old = repository.aliases(model).get(alias);
            if (!version.equals(old)) {
                repository.putAlias(model, alias, version, clock.instant(), by.actor());
                record(model, by, RegistryEventKind.ALIAS_MOVED, version, alias, old, version);
            }
            return null;
        });
    }

    @Override
    public void removeAlias(String model, String alias, Attribution by) {
        repository.atomically(() -> {
            model(model);
            String old = repository.aliases(model).get(alias);
            if (old != null) {
                repository.deleteAlias(model, alias);
                record(model, by, RegistryEventKind.ALIAS_REMOVED, old, alias, old, null);
            }
            return null;
        });
    }

    @Override
    public void setStatus(String model, String version, VersionStatus status, Attribution by) {
        repository.atomically(() -> {
            ModelVersion v = get(model, version);
            if (v.status() != status) {
                repository.updateStatus(model, version, status);
                record(model, by, RegistryEventKind.STATUS_CHANGED, version, null, v.status().key(), status.key());
            }
            return null;
        });
    }

    @Override
    public void setTag(String model, String version, String key, String value, Attribution by) {
        Names.tag(key);
        repository.atomically(() -> {
            ModelVersion v = get(model, version);
            String old = v.tags().get(key);
            if (!Objects.equals(old, value)) {
                repository.putTag(model, version, key, value);
                record(model, by, RegistryEventKind.TAG_SET, version, key, old, value);
            }
            return null;
        });
    }

    @Override
    public List<RegistryEvent> history(String model) {
        return repository.events(model);
    }

    private void record(String model, Attribution by, RegistryEventKind kind, String version, String name,
                        String from, String to) {
        repository.append(new RegistryEvent(model, 0, clock.instant(), by.actor(), kind, version, name, from, to,
                by.reason()));
    }

    private static void checkJson(String report) {
        if (report == null) {
            return;
        }
        try {
            Json.mapper().readTree(report);
        } catch (JsonProcessingException e) {
            throw new BadInputException("the test report is not JSON: " + e.getOriginalMessage());
        }
    }
}
