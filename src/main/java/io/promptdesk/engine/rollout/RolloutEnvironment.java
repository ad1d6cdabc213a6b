package io.promptdesk.engine.rollout;

import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;

/**
 * What a rollout manager works with, built once by the composition root: the store, the registry whose aliases
 * it moves, the metrics its health checks read, the comparison, where traffic is routed, the clock, and who hears
 * of each committed change (and, in crash tests, where to stop).
 */
public record RolloutEnvironment(RolloutRepository repository, ModelRegistry registry, MetricsSource metrics,
                                 HealthComparator comparator, TrafficRouter router, Clock clock,
                                 RolloutListener listener, EffectBoundaries boundaries) {
    public RolloutEnvironment {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(comparator, "comparator");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(clock, "clock");
        listener = listener == null ? RolloutListener.NONE : listener;
        boundaries = boundaries == null ? EffectBoundaries.NONE : boundaries;
    }

    public RolloutEnvironment(RolloutRepository repository, ModelRegistry registry, MetricsSource metrics,
                              HealthComparator comparator, TrafficRouter router, Clock clock,
                              RolloutListener listener) {
        this(repository, registry, metrics, comparator, router, clock, listener, EffectBoundaries.NONE);
    }

    /** The same, stopping at the effect boundaries a crash test names. */
    public RolloutEnvironment withBoundaries(EffectBoundaries b) {
        return new RolloutEnvironment(repository, registry, metrics, comparator, router, clock, listener, b);
    }

    public RolloutEnvironment withListener(RolloutListener l) {
        return new RolloutEnvironment(repository, registry, metrics, comparator, router, clock, l, boundaries);
    }
}
