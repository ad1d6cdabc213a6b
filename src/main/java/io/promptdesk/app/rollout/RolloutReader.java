package io.promptdesk.app.rollout;

import io.promptdesk.engine.rollout.HealthCheck;
import io.promptdesk.engine.rollout.HealthOutcome;
import io.promptdesk.engine.rollout.MetricVerdict;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutEvent;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.metrics.Metric;
import io.promptdesk.registry.Model;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;
import io.promptdesk.registry.VersionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads what the console shows from the store. The rollouts list and the registry's deployments change rarely,
 * so they are re-read only when asked; a rollout's events and health checks are re-read only when its revision
 * (which every check and transition moves) has changed. Not thread-safe: the console serialises its calls.
 */
final class RolloutReader {
    /** Finished rollouts kept in the list, beyond the active ones. */
    static final int HISTORY = 20;

    private final RolloutRepository rollouts;
    private final ModelRegistry registry;
    private List<RolloutRow> rows = List.of();
    private List<DeploymentChoice> choices = List.of();
    private Cached cached;

    RolloutReader(RolloutRepository rollouts, ModelRegistry registry) {
        this.rollouts = rollouts;
        this.registry = registry;
    }

    /** Re-reads the rollouts list and the deployments a rollout can start on. */
    void refreshLists() {
        List<Model> models = registry.models();
        List<Rollout> all = new ArrayList<>();
        for (Model m : models) {
            all.addAll(rollouts.history(m.name()));
        }
        all.sort(Comparator.comparing((Rollout r) -> !r.status().active())
                .thenComparing(Rollout::startTime, Comparator.reverseOrder()));
        List<RolloutRow> list = new ArrayList<>();
        int finished = 0;
        for (Rollout r : all) {
            if (r.status().active() || finished++ < HISTORY) {
                list.add(RolloutRow.of(r));
            }
        }
        rows = List.copyOf(list);
        Set<String> busy = all.stream().filter(r -> r.status().active()).map(Rollout::deploymentName)
                .collect(Collectors.toSet());
        List<DeploymentChoice> c = new ArrayList<>();
        for (Model m : models) {
            String production = m.aliases().get(ModelRegistry.PRODUCTION);
            if (production != null) {
                List<String> candidates = registry.versions(m.name()).stream()
                        .filter(v -> v.status() == VersionStatus.CANDIDATE).map(ModelVersion::version).toList();
                c.add(new DeploymentChoice(m.name(), production, candidates, busy.contains(m.name())));
            }
        }
        choices = List.copyOf(c);
    }

    List<RolloutRow> rows() {
        return rows;
    }

    List<DeploymentChoice> choices() {
        return choices;
    }

    /** The rollout to show when none is chosen: the newest active one, else the newest. */
    Optional<String> defaultSelection() {
        return rows.stream().findFirst().map(RolloutRow::rolloutId);
    }

    /** The rollout's detail at {@code now}; empty when there is no such rollout. */
    Optional<RolloutDetail> detail(String rolloutId, Instant now, double timeScale) {
        if (rolloutId == null) {
            return Optional.empty();
        }
        Optional<Rollout> found = rollouts.find(rolloutId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Rollout r = found.get();
        if (cached == null || !cached.rollout.rolloutId().equals(rolloutId)
                || cached.rollout.revision() != r.revision()) {
            cached = new Cached(r, rollouts.events(rolloutId), rollouts.healthChecks(rolloutId));
        }
        Duration elapsed = scaled(r.stageElapsed(now), timeScale);
        Duration left = r.status().active() ? r.plan().stageDuration().minus(elapsed) : Duration.ZERO;
        Instant end = r.endedAt() != null ? r.endedAt() : now;
        double until = minutes(r.startTime(), end, timeScale);
        List<HealthCheck> checks = cached.checks;
        return Optional.of(new RolloutDetail(r, cached.events, verdicts(checks), series(r, checks, until, timeScale),
                checks.isEmpty() ? null : checks.get(checks.size() - 1), elapsed,
                left.isNegative() ? Duration.ZERO : left));
    }

    /** Each stage's latest verdict: what let a finished stage pass, or what holds or stopped the current one. */
    static Map<Integer, HealthOutcome> verdicts(List<HealthCheck> checks) {
        Map<Integer, HealthOutcome> out = new HashMap<>();
        checks.forEach(c -> out.put(c.stage(), c.outcome()));
        return out;
    }

    static List<MetricSeries> series(Rollout r, List<HealthCheck> checks, double until, double timeScale) {
        List<MetricSeries> out = new ArrayList<>();
        for (Metric m : r.plan().healthMetrics()) {
            double unit = RolloutFormat.displayFactor(m);
            LineBuilder canary = new LineBuilder(checks.size());
            LineBuilder stable = new LineBuilder(checks.size());
            MetricVerdict last = null;
            for (HealthCheck c : checks) {
                double x = minutes(r.startTime(), c.at(), timeScale);
                for (MetricVerdict v : c.verdicts()) {
                    if (v.metric() == m) {
                        canary.add(x, v.canaryValue() * unit);
                        stable.add(x, v.stableValue() * unit);
                        last = v;
                    }
                }
            }
            Double limit = r.plan().thresholds().get(m);
            out.add(new MetricSeries(m, canary.build(), stable.build(), limit == null ? null : limit * unit, until,
                    last == null ? null : last.outcome(), last == null ? null : last.reason()));
        }
        return out;
    }

    private static Duration scaled(Duration onClock, double timeScale) {
        return timeScale == 1 ? onClock : Duration.ofMillis(Math.round(onClock.toMillis() * timeScale));
    }

    /** Plan minutes between two clock instants. */
    private static double minutes(Instant from, Instant to, double timeScale) {
        return Math.max(0, Duration.between(from, to).toMillis() / 60_000.0 * timeScale);
    }

    private record Cached(Rollout rollout, List<RolloutEvent> events, List<HealthCheck> checks) {
    }

    /** Collects the finite points of a line. */
    private static final class LineBuilder {
        private final double[] x;
        private final double[] y;
        private int n;

        LineBuilder(int capacity) {
            x = new double[capacity];
            y = new double[capacity];
        }

        void add(double px, double py) {
            if (Double.isFinite(py)) {
                x[n] = px;
                y[n] = py;
                n++;
            }
        }

        MetricSeries.Line build() {
            return new MetricSeries.Line(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
        }
    }
}
