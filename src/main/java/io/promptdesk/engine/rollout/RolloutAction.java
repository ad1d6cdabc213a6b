package io.promptdesk.engine.rollout;

import java.util.Locale;

/** What can be asked of a rollout; which are legal depends on its status (see {@link RolloutStateMachine}). */
public enum RolloutAction {
    ADVANCE, PAUSE, RESUME, COMPLETE, ABORT;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
