package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;

import java.util.Locale;

/** Where a rollout's traffic split is sent. */
public enum RouterKind {
    /** The embedded simulated service routes its own traffic. */
    EMBEDDED,
    /** A signed POST to a team's own router. */
    WEBHOOK,
    /** MLflow's canary alias and a percentage tag, for serving layers that read them. */
    MLFLOW;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RouterKind of(String key) {
        for (RouterKind k : values()) {
            if (k.key().equalsIgnoreCase(key.strip())) {
                return k;
            }
        }
        throw new BadInputException("unknown router '" + key + "': use embedded, webhook or mlflow");
    }
}
