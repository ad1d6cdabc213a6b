package io.promptdesk.engine.rollout;

/**
 * Named points around every store write and remote call of the rollout and rollback engines, where a test can stop
 * the engine as a kill -9 would ({@code before:store:rollout}, {@code after:router}, ...) and then check that the
 * next command leaves no drift. Production code passes {@link #NONE}.
 */
@FunctionalInterface
public interface EffectBoundaries {
    EffectBoundaries NONE = boundary -> {
    };

    void at(String boundary);
}
