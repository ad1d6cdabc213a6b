package io.promptdesk.engine.rollback;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.template.Diagnostic;
import io.promptdesk.template.ParsedTemplate;
import io.promptdesk.template.TemplateParser;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.RegistryEvent;
import io.promptdesk.registry.VersionStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which versions a model may roll back to, read from the registry's history.
 * <p>
 * The registry marks the old production version {@code deprecated} whenever a new one is promoted: that is a
 * retired good version, the very thing a rollback returns to. A version deprecated while it was <em>not</em> serving
 * production was retired on purpose and is never a target; a failed version never is.
 */
final class RollbackTargets {
    private final ModelRegistry registry;
    private final RolloutRepository rollouts;

    RollbackTargets(ModelRegistry registry, RolloutRepository rollouts) {
        this.registry = registry;
        this.rollouts = rollouts;
    }

    /** The version a rollback would start from: the running rollout's canary, else production. */
    Optional<String> current(String model) {
        Optional<String> canary = rollouts.active(model).map(Rollout::newVersion);
        return canary.isPresent() ? canary : registry.resolve(model, ModelRegistry.PRODUCTION)
                .map(ModelVersion::version);
    }

    /** @throws RollbackException unless {@code version} is production or the running rollout's canary */
    boolean isDeployed(String model, String version) {
        try {
            requireDeployed(model, version);
            return true;
        } catch (RollbackException e) {
            return false;
        }
    }

    void requireDeployed(String model, String version) {
        registry.get(model, version);
        String production = registry.resolve(model, ModelRegistry.PRODUCTION).map(ModelVersion::version).orElse(null);
        Optional<Rollout> active = rollouts.active(model);
        if (version.equals(production) || active.map(r -> r.newVersion().equals(version)).orElse(false)) {
            return;
        }
        throw new RollbackException(model + " " + version + " is not deployed, so there is nothing to roll back: "
                + "production is " + (production == null ? "not set" : production)
                + active.map(r -> " and " + r.newVersion() + " is rolling out").orElse(" and no rollout is running"));
    }

    /** The last version that was production and healthy before {@code current}, never a deprecated or failed one. */
    Optional<String> previousStable(String model, String current) {
        History h = History.of(registry.history(model));
        int cut = h.productionMoves.lastIndexOf(current);
        for (int i = (cut < 0 ? h.productionMoves.size() : cut) - 1; i >= 0; i--) {
            String v = h.productionMoves.get(i);
            if (!v.equals(current) && refusal(model, v, h).isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Every valid target, the most recently in production first, then any other eligible versions. */
    List<String> validTargets(String model, String current) {
        History h = History.of(registry.history(model));
        List<String> out = new ArrayList<>();
        for (int i = h.productionMoves.size() - 1; i >= 0; i--) {
            String v = h.productionMoves.get(i);
            if (!v.equals(current) && !out.contains(v) && refusal(model, v, h).isEmpty()) {
                out.add(v);
            }
        }
        for (ModelVersion v : registry.versions(model)) {
            if (!v.version().equals(current) && !out.contains(v.version()) && refusal(model, v.version(), h).isEmpty()) {
                out.add(v.version());
            }
        }
        return out;
    }

    TargetValidation validate(String model, String current, String target) {
        if (target.equals(current)) {
            return TargetValidation.refused(target + " is the version being rolled back; choose an earlier one");
        }
        try {
            registry.get(model, target);
            return refusal(model, target, History.of(registry.history(model))).map(TargetValidation::refused)
                    .orElseGet(TargetValidation::ok);
        } catch (BadInputException e) {
            return TargetValidation.refused(e.getMessage());
        }
    }

    private Optional<String> refusal(String model, String version, History h) {
        Optional<ModelVersion> found = registry.find(model, version);
        if (found.isEmpty()) {
            return Optional.of(model + " has no version " + version);
        }
        ModelVersion v = found.get();
        String name = model + " " + version;
        if (v.status() == VersionStatus.FAILED) {
            return Optional.of(name + " is marked failed: it was rolled back or failed its rollout");
        }
        if (v.status() == VersionStatus.DEPRECATED && h.deprecatedOnPurpose.contains(version)) {
            return Optional.of(name + " was deprecated while not in production: it was retired on purpose");
        }
        if (v.status() != VersionStatus.STABLE && !h.everStable.contains(version)) {
            return Optional.of(name + " was never a stable version (it is " + v.status().key()
                    + "): only a version that served production can be rolled back to");
        }
        ParsedTemplate parsed = TemplateParser.parse(v.template(), v.dialect());
        if (!parsed.isValid()) {
            Diagnostic d = parsed.diagnostics().get(0);
            return Optional.of(name + "'s template no longer validates: line " + d.line() + ", column " + d.column()
                    + ": " + d.message());
        }
        return Optional.empty();
    }

    /** What the registry's history says about production and statuses, replayed in order. */
    private static final class History {
        final List<String> productionMoves = new ArrayList<>();
        final Set<String> everStable = new HashSet<>();
        final Set<String> deprecatedOnPurpose = new HashSet<>();

        static History of(List<RegistryEvent> events) {
            History h = new History();
            String production = null;
            for (RegistryEvent e : events) {
                switch (e.kind()) {
                    case ALIAS_MOVED -> {
                        if (ModelRegistry.PRODUCTION.equals(e.name())) {
                            production = e.to();
                            h.productionMoves.add(e.to());
                        }
                    }
                    case ALIAS_REMOVED -> {
                        if (ModelRegistry.PRODUCTION.equals(e.name())) {
                            production = null;
                        }
                    }
                    case STATUS_CHANGED -> {
                        if (VersionStatus.STABLE.key().equals(e.to())) {
                            h.everStable.add(e.version());
                            h.deprecatedOnPurpose.remove(e.version());
                        } else if (VersionStatus.DEPRECATED.key().equals(e.to()) && !e.version().equals(production)) {
                            h.deprecatedOnPurpose.add(e.version());
                        }
                    }
                    default -> {
                    }
                }
            }
            return h;
        }
    }
}
