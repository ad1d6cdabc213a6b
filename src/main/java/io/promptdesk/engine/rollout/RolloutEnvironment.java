package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;

/**
 * What a rollout manager works with, built once by the composition root: the store, the registry whose aliases
 * it moves, the metrics its health checks read, the comparison, where traffic is routed, the clock, and who hears
 * of each committed change.
 */
public record RolloutEnvironment(RolloutRepository repository, ModelRegistry registry, MetricsSource metrics,
                                 HealthComparator comparator, TrafficRouter router, Clock clock,
                                 RolloutListener listener) {
    public RolloutEnvironment {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(clock, "clock");
        listener = listener == null ? RolloutListener.NONE : listener;
    }

    public RolloutEnvironment withListener(RolloutListener l) {
        return new RolloutEnvironment(repository, registry, metrics, comparator, router, clock, l);
    }
}
