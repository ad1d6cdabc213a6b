package io.promptdesk.ui.rollback;

import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.ui.rollout.RolloutViewModel;

import java.util.Objects;

/**
 * Keeps the rollback button on the Rollout workspace's selected deployment: when another rollout is selected, or
 * the selected one changes status (a canary now serves, or has been rolled back), the rollback targets are re-read.
 */
public final class RolloutLink {
    private String lastKey;

    private RolloutLink() {
    }

    public static void follow(RolloutViewModel rollout, RollbackViewModel rollback) {
        RolloutLink link = new RolloutLink();
        rollout.rolloutProperty().addListener((obs, old, now) -> link.changed(now, rollback));
        link.changed(rollout.rolloutProperty().get(), rollback);
    }

    private void changed(Rollout r, RollbackViewModel rollback) {
        if (r == null) {
            return;
        }
        String key = r.deploymentName() + "|" + r.newVersion() + "|" + r.status();
        if (!Objects.equals(key, lastKey)) {
            lastKey = key;
            rollback.selectModel(r.deploymentName());
        }
    }
}
