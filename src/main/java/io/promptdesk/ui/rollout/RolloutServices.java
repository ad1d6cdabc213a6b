package io.promptdesk.ui.rollout;

import io.promptdesk.engine.rollout.RolloutRepository;
import io.promptdesk.metrics.SimulatedService;
import io.promptdesk.registry.ModelRegistry;

import java.time.Clock;
import java.util.Objects;

/**
 * What the Rollout workspace needs from the composition root: the workspace store's rollouts and registry, the
 * simulated service that serves the deployments' traffic, the clock (the system's, or simulated time in tests) and
 * who the person at the console is.
 */
public record RolloutServices(RolloutRepository rollouts, ModelRegistry registry, SimulatedService simulator,
                              Clock clock, String actor) {
    public RolloutServices {
        Objects.requireNonNull(rollouts, "rollouts");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(actor, "actor");
    }
}
