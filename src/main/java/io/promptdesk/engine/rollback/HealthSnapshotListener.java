package io.promptdesk.engine.rollback;

/** Receives the snapshots of a post-rollback health watch as they are taken, on the thread taking them. */
@FunctionalInterface
public interface HealthSnapshotListener {
    HealthSnapshotListener NONE = snapshot -> {
    };

    void onSnapshot(HealthSnapshot snapshot);
}
