package io.promptdesk.app.rollout;

import io.promptdesk.app.Permissions;
import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.engine.rollout.TrafficRouter;
import io.promptdesk.metrics.MetricsSource;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;

/**
 * What the Rollout workspace needs from the composition root: the workspace store's rollouts, the registry, the
 * simulated service the console drives, where health metrics come from and where traffic goes (the simulator, or
 * Prometheus and a remote router when the connections name them), the clock (the system's, or simulated time in
 * tests) and who the person at the console is.
 */
public record RolloutServices(RolloutRepository rollouts, ModelRegistry registry, SimulatedService simulator,
                              MetricsSource metrics, TrafficRouter router, Clock clock, String actor,
                              Permissions permissions) {
    public RolloutServices {
        Objects.requireNonNull(permissions, "permissions");
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(actor, "actor");
    }

    /** Everything allowed to {@code actor} (the embedded store's one desk). */
    public RolloutServices(RolloutRepository rollouts, ModelRegistry registry, SimulatedService simulator,
                           MetricsSource metrics, TrafficRouter router, Clock clock, String actor) {
        this(rollouts, registry, simulator, metrics, router, clock, actor, Permissions.everything(actor));
    }

    /** Everything embedded: the simulator serves the traffic and is where the health metrics come from. */
    public RolloutServices(RolloutRepository rollouts, ModelRegistry registry, SimulatedService simulator,
                           Clock clock, String actor) {
        this(rollouts, registry, simulator, simulator, simulator::route, clock, actor);
    }
}
