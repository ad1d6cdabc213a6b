package io.promptdesk.ui.rollout;

import io.promptdesk.app.rollout.DeploymentChoice;
import io.promptdesk.app.rollout.RolloutFormat;
import io.promptdesk.app.rollout.StartRequest;

import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.metrics.Metric;
import io.promptdesk.model.BadInputException;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "start a rollout" form: deployment and candidate version (from the registry), stages, health metrics with
 * optional absolute limits (in percent and milliseconds, as people write them), unhealthy policy, stage duration
 * and check interval. Re-validated on every change: {@link #requestProperty()} holds the rollout to start, or null
 * with {@link #problemProperty()} saying why not.
 */
public final class StartFormModel {
    public static final String DEFAULT_STAGES = "10, 25, 50, 100";

    private final ObservableList<String> deployments = FXCollections.observableArrayList();
    private final ObservableList<String> versions = FXCollections.observableArrayList();
    private final ObservableList<String> deploymentsView = FXCollections.unmodifiableObservableList(deployments);
    private final ObservableList<String> versionsView = FXCollections.unmodifiableObservableList(versions);
    private final ObjectProperty<String> deployment = new SimpleObjectProperty<>();
    private final ObjectProperty<String> version = new SimpleObjectProperty<>();
    private final StringProperty stages = new SimpleStringProperty(DEFAULT_STAGES);
    private final Map<Metric, BooleanProperty> metrics = new EnumMap<>(Metric.class);
    private final Map<Metric, StringProperty> limits = new EnumMap<>(Metric.class);
    private final ObjectProperty<UnhealthyPolicy> policy = new SimpleObjectProperty<>(UnhealthyPolicy.PAUSE);
    private final StringProperty stageSeconds = new SimpleStringProperty(
            String.valueOf(RolloutPlan.DEFAULT_STAGE_DURATION.toSeconds()));
    private final StringProperty intervalSeconds = new SimpleStringProperty(
            String.valueOf(RolloutPlan.DEFAULT_HEALTH_CHECK_INTERVAL.toSeconds()));
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StartRequest> request = new ReadOnlyObjectWrapper<>();
    private List<DeploymentChoice> choices = List.of();
    private int active;
    private int maxActive = Integer.MAX_VALUE;

    public StartFormModel() {
        for (Metric m : Metric.values()) {
            metrics.put(m, new SimpleBooleanProperty(true));
        }
        // Limits a release engineer would start from; each can be cleared.
        limits.put(Metric.ERROR_RATE, new SimpleStringProperty("5"));
        limits.put(Metric.LATENCY_P95, new SimpleStringProperty("1000"));
        limits.put(Metric.ENGAGEMENT_RATE, new SimpleStringProperty(""));
        deployment.addListener((obs, old, now) -> fillVersions());
        List<Observable> inputs = new ArrayList<>(List.of(deployment, version, stages, policy, stageSeconds,
                intervalSeconds));
        inputs.addAll(metrics.values());
        inputs.addAll(limits.values());
        inputs.forEach(o -> o.addListener(x -> validate()));
        validate();
    }

    /** The registry's deployments and how many rollouts are active, from a snapshot; keeps the person's choices. */
    void update(List<DeploymentChoice> newChoices, int activeCount, int maxActiveCount) {
        boolean changed = !newChoices.equals(choices);
        choices = List.copyOf(newChoices);
        active = activeCount;
        maxActive = maxActiveCount;
        if (changed) {
            List<String> names = choices.stream().map(DeploymentChoice::deployment).toList();
            if (!deployments.equals(names)) {
                deployments.setAll(names);
            }
            if (deployment.get() == null || !names.contains(deployment.get())) {
                deployment.set(choices.stream().filter(c -> !c.busy()).map(DeploymentChoice::deployment)
                        .findFirst().orElse(names.isEmpty() ? null : names.get(0)));
            }
            fillVersions();
        }
        validate();
    }

    private void fillVersions() {
        List<String> candidates = choice() == null ? List.of() : choice().candidates();
        if (!versions.equals(candidates)) {
            versions.setAll(candidates);
        }
        if (version.get() == null || !candidates.contains(version.get())) {
            // The newest candidate is the one most likely to be rolled out.
            version.set(candidates.isEmpty() ? null : candidates.get(candidates.size() - 1));
        }
    }

    private DeploymentChoice choice() {
        return choices.stream().filter(c -> c.deployment().equals(deployment.get())).findFirst().orElse(null);
    }

    private void validate() {
        try {
            request.set(build());
            problem.set("");
        } catch (BadInputException e) {
            request.set(null);
            problem.set(e.getMessage());
        }
    }

    private StartRequest build() {
        if (choices.isEmpty()) {
            throw new BadInputException("no deployment has a production version yet: register a template as a "
                    + "new version from the Author workspace (its first version becomes production)");
        }
        DeploymentChoice c = choice();
        if (c == null) {
            throw new BadInputException("choose a deployment");
        }
        if (c.busy()) {
            throw new BadInputException(c.deployment() + " already has a rollout in progress or paused: complete "
                    + "or abort it first");
        }
        if (active >= maxActive) {
            throw new BadInputException(active + " rollouts are active; at most " + maxActive
                    + " run at once: complete or abort one first");
        }
        if (version.get() == null) {
            throw new BadInputException(c.deployment() + " has no candidate version: register one from the "
                    + "Author workspace");
        }
        List<Metric> chosen = metrics.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                .toList();
        Map<Metric, Double> thresholds = new EnumMap<>(Metric.class);
        for (Metric m : chosen) {
            String text = limits.get(m).get();
            if (text != null && !text.isBlank()) {
                thresholds.put(m, number("the " + RolloutFormat.title(m).toLowerCase(Locale.ROOT)
                        + " limit", text) / RolloutFormat.displayFactor(m));
            }
        }
        RolloutPlan plan = new RolloutPlan(parseStages(stages.get()), chosen, thresholds,
                seconds("the stage duration", stageSeconds.get()), seconds("the check interval",
                intervalSeconds.get()), policy.get());
        return new StartRequest(c.deployment(), version.get(), plan, null);
    }

    static List<Integer> parseStages(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(part.strip().replace("%", "")));
            } catch (NumberFormatException e) {
                throw new BadInputException("stages: '" + part.strip() + "' is not a whole percentage; write e.g. "
                        + DEFAULT_STAGES);
            }
        }
        return out;
    }

    private static Duration seconds(String what, String text) {
        double s = number(what, text);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static double number(String what, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadInputException(what + ": '" + (text == null ? "" : text.strip()) + "' is not a number");
        }
    }

    public ObservableList<String> deployments() {
        return deploymentsView;
    }

    public ObservableList<String> versions() {
        return versionsView;
    }

    /** Writable: the form's fields bind to these. */
    public ObjectProperty<String> deploymentProperty() {
        return deployment;
    }

    public ObjectProperty<String> versionProperty() {
        return version;
    }

    public StringProperty stagesProperty() {
        return stages;
    }

    public BooleanProperty metricProperty(Metric m) {
        return metrics.get(m);
    }

    /** The absolute limit on the canary in display units (percent, milliseconds); blank for none. */
    public StringProperty limitProperty(Metric m) {
        return limits.get(m);
    }

    public ObjectProperty<UnhealthyPolicy> policyProperty() {
        return policy;
    }

    public StringProperty stageSecondsProperty() {
        return stageSeconds;
    }

    public StringProperty intervalSecondsProperty() {
        return intervalSeconds;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** Why the form cannot start a rollout now; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The rollout to start with the reason as typed now, or null while the form has a problem. */
    StartRequest toStart() {
        StartRequest r = request.get();
        return r == null ? null : new StartRequest(r.deployment(), r.version(), r.plan(), reason.get());
    }

    /** The rollout the form describes, or null while it has a problem. */
    public ReadOnlyObjectProperty<StartRequest> requestProperty() {
        return request.getReadOnlyProperty();
    }
}
