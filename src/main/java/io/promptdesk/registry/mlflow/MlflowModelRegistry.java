package io.promptdesk.registry.mlflow;

import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.PromptValidationException;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.Promotion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.RegistryEventKind;
import io.promptdesk.registry.RegistryException;
import io.promptdesk.registry.RegistryHistory;
import io.promptdesk.registry.VersionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The model registry port on MLflow's prompt registry. Models are prompts (registered models tagged
 * {@code mlflow.prompt.is_prompt}); a version's number is MLflow's, and the version name the user registered it
 * with is kept as its {@code label} tag (a lookup by a name that is not a number finds it by that tag). Status,
 * dialect and author live in {@code promptdesk.*} tags. MLflow keeps no history, so every change made here is
 * recorded in our {@link RegistryHistory}; aliases are read back after they are moved, since concurrent writers
 * race and the last one wins. Every call is bounded by a per-call budget, or by a deadline ({@link #withDeadline}).
 */
public final class MlflowModelRegistry implements ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(MlflowModelRegistry.class);
    public static final Duration DEFAULT_CALL_BUDGET = Duration.ofSeconds(10);
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern RESERVED_ALIAS = Pattern.compile("(?i)latest|v\\d+");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");
    private static final int PAGE = 200;

    private final MlflowClient client;
    private final RegistryHistory history;
    private final Clock clock;
    private final CallBudget budget;
    private final String registryKey;

    public MlflowModelRegistry(MlflowClient client, RegistryHistory history, Clock clock, Duration callBudget) {
        this(client, history, clock, new CallBudget(clock, callBudget, null));
    }

    private MlflowModelRegistry(MlflowClient client, RegistryHistory history, Clock clock, CallBudget budget) {
        this.client = Objects.requireNonNull(client);
        this.history = Objects.requireNonNull(history);
        this.clock = Objects.requireNonNull(clock);
        this.budget = budget;
        this.registryKey = "mlflow:" + client.endpoint().baseUrl();
    }

    /** This registry with every call, retries included, ending by {@code deadline}: a rollback keeps its SLA. */
    public MlflowModelRegistry withDeadline(Instant deadline) {
        return new MlflowModelRegistry(client, history, clock, budget.until(deadline));
    }

    @Override
    public ModelVersion register(NewVersion request, Attribution by) {
        ParsedTemplate parsed = request.dialect() == null ? TemplateParser.parse(request.template())
                : TemplateParser.parse(request.template(), request.dialect());
        if (!parsed.isValid()) {
            Diagnostic first = parsed.diagnostics().get(0);
            throw new PromptValidationException("the template of " + request.model() + " " + request.version()
                    + " has " + parsed.diagnostics().size() + " syntax error(s); first at line " + first.line()
                    + ", column " + first.column() + ": " + first.message());
        }
        String model = request.model();
        if (client.getRegisteredModel(model, budget.next("reading the model")).isEmpty()) {
            try {
                client.createRegisteredModel(model, null, Map.of(PromptTags.IS_PROMPT, "true"),
                        budget.next("creating the model"));
                record(model, by, RegistryEventKind.MODEL_CREATED, null, null, null, null);
            } catch (MlflowApiException e) {
                if (!e.is("RESOURCE_ALREADY_EXISTS")) {
                    throw e;
                }
            }
        }
        findByLabel(model, request.version()).ifPresent(v -> {
            throw new RegistryException(model + " already has a version " + request.version() + " (MLflow version "
                    + v.version() + "): versions are immutable, register the change as a new version");
        });
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        tags.put(PromptTags.IS_PROMPT, "true");
        tags.put(PromptTags.TEXT, request.template());
        tags.put(PromptTags.TYPE, "text");
        tags.put(PromptTags.LABEL, request.version());
        tags.put(PromptTags.DIALECT, parsed.dialect().name().toLowerCase(java.util.Locale.ROOT));
        tags.put(PromptTags.STATUS, VersionStatus.CANDIDATE.key());
        tags.put(PromptTags.CREATED_BY, by.actor());
        if (request.testReport() != null) {
            tags.put(PromptTags.TEST_REPORT, request.testReport());
        }
        MlflowVersion created = client.createModelVersion(model, PromptTags.SOURCE, by.reason(), tags,
                budget.next("creating the version"));
        record(model, by, RegistryEventKind.VERSION_REGISTERED, created.version(), PromptTags.LABEL, null,
                request.version());
        if (request.status() == VersionStatus.STABLE) {
            Promotion.toProduction(this, model, created.version(), by);
        }
        return get(model, created.version());
    }

    @Override
    public Optional<ModelVersion> find(String model, String version) {
        if (!NUMBER.matcher(version).matches()) {
            return findByLabel(model, version).map(PromptTags::toModelVersion);
        }
        return client.getModelVersion(model, version, budget.next("reading a version"))
                .map(PromptTags::toModelVersion);
    }

    private Optional<MlflowVersion> findByLabel(String model, String label) {
        List<MlflowVersion> hits = client.searchModelVersions("name = " + PromptTags.literal(model) + " AND tags.`"
                        + PromptTags.LABEL + "` = " + PromptTags.literal(label), "version_number DESC", 1, null,
                budget.next("searching versions")).items();
        return hits.stream().findFirst();
    }

    @Override
    public ModelVersion get(String model, String version) {
        return find(model, version).orElseThrow(() -> {
            model(model);
            return new RegistryException(model + " has no version " + version + " in " + where()
                    + "; its versions are: " + versions(model).stream().map(v -> v.version()
                    + (v.tags().containsKey("label") ? " (" + v.tags().get("label") + ")" : "")).toList());
        });
    }

    @Override
    public List<Model> models() {
        List<Model> out = new ArrayList<>();
        for (MlflowModel m : all(token -> client.searchRegisteredModels("tags.`" + PromptTags.IS_PROMPT
                + "` = 'true'", PAGE, token, budget.next("listing models")))) {
            out.add(model(m.name()));
        }
        return out;
    }

    /** Aliases come from {@code registered-models/get}: search results may carry none (an MLflow quirk). */
    @Override
    public Model model(String model) {
        MlflowModel m = client.getRegisteredModel(model, budget.next("reading the model")).orElseThrow(() ->
                new RegistryException("no model named " + model + " in " + where()
                        + "; register a version first (promptdesk registry register)"));
        String creator = m.tags().getOrDefault(PromptTags.CREATED_BY, "mlflow");
        return new Model(m.name(), creator, Instant.ofEpochMilli(m.creationTimestamp()), m.aliases(),
                allVersions(model).size());
    }

    @Override
    public List<ModelVersion> versions(String model) {
        model(model);
        List<ModelVersion> out = new ArrayList<>();
        for (MlflowVersion v : allVersions(model)) {
            if (v.tags().containsKey(PromptTags.TEXT)) {
                out.add(PromptTags.toModelVersion(v));
            } else {
                LOG.debug("{} version {} has no prompt text: not listed", model, v.version());
            }
        }
        return out;
    }

    private List<MlflowVersion> allVersions(String model) {
        List<MlflowVersion> all = all(token -> client.searchModelVersions("name = " + PromptTags.literal(model),
                "version_number ASC", PAGE, token, budget.next("listing versions")));
        List<MlflowVersion> sorted = new ArrayList<>(all);
        sorted.sort(java.util.Comparator.comparingLong(MlflowVersion::number));
        return sorted;
    }

    @Override
    public Optional<ModelVersion> resolve(String model, String alias) {
        return client.getVersionByAlias(model, alias, budget.next("reading an alias"))
                .map(PromptTags::toModelVersion);
    }

    @Override
    public void setAlias(String model, String alias, String version, Attribution by) {
        checkAlias(alias);
        String number = get(model, version).version();
        String old = client.getVersionByAlias(model, alias, budget.next("reading an alias"))
                .map(MlflowVersion::version).orElse(null);
        if (number.equals(old)) {
            return;
        }
        client.setAlias(model, alias, number, budget.next("moving an alias"));
        String now = client.getVersionByAlias(model, alias, budget.next("reading an alias back"))
                .map(MlflowVersion::version).orElse(null);
        if (!number.equals(now)) {
            throw new RegistryException("the " + alias + " alias of " + model + " points at " + now + " right after "
                    + "it was moved to " + number + ": another writer moved it meanwhile (MLflow has no "
                    + "compare-and-set); check who, then move it again");
        }
        record(model, by, RegistryEventKind.ALIAS_MOVED, number, alias, old, number);
    }

    @Override
    public void removeAlias(String model, String alias, Attribution by) {
        model(model);
        Optional<MlflowVersion> old = client.getVersionByAlias(model, alias, budget.next("reading an alias"));
        if (old.isEmpty()) {
            return;
        }
        client.deleteAlias(model, alias, budget.next("deleting an alias"));
        record(model, by, RegistryEventKind.ALIAS_REMOVED, old.get().version(), alias, old.get().version(), null);
    }

    @Override
    public void setStatus(String model, String version, VersionStatus status, Attribution by) {
        ModelVersion v = get(model, version);
        if (v.status() != status) {
            client.setModelVersionTag(model, v.version(), PromptTags.STATUS, status.key(),
                    budget.next("setting a status"));
            record(model, by, RegistryEventKind.STATUS_CHANGED, v.version(), null, v.status().key(), status.key());
        }
    }

    @Override
    public void setTag(String model, String version, String key, String value, Attribution by) {
        if (PromptTags.reserved(key) || key.equals("label")) {
            throw new RegistryException("the tag " + key + " is reserved for MLflow and PromptDesk's bookkeeping");
        }
        ModelVersion v = get(model, version);
        String old = v.tags().get(key);
        if (!Objects.equals(old, value)) {
            client.setModelVersionTag(model, v.version(), key, value, budget.next("setting a tag"));
            record(model, by, RegistryEventKind.TAG_SET, v.version(), key, old, value);
        }
    }

    @Override
    public List<RegistryEvent> history(String model) {
        return history.events(registryKey, model);
    }

    private void record(String model, Attribution by, RegistryEventKind kind, String version, String name,
                        String from, String to) {
        history.append(registryKey, new RegistryEvent(model, 0, clock.instant(), by.actor(), kind, version, name,
                from, to, by.reason()));
    }

    private static void checkAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches() || RESERVED_ALIAS.matcher(alias).matches()) {
            throw new RegistryException("invalid alias '" + alias + "' for MLflow: letters, digits, '_' and '-', up "
                    + "to 255, and neither 'latest' nor v<number>, which MLflow reserves");
        }
    }

    private static <T> List<T> all(Function<String, MlflowPage<T>> page) {
        List<T> out = new ArrayList<>();
        String token = null;
        do {
            MlflowPage<T> p = page.apply(token);
            out.addAll(p.items());
            token = p.nextPageToken() == null || p.nextPageToken().isEmpty() ? null : p.nextPageToken();
        } while (token != null);
        return out;
    }

    private String where() {
        return client.endpoint().describe();
    }
}
