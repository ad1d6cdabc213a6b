package io.promptdesk.engine.rollback;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runner ids chosen by the test; an owner is gone once the test says so. */
final class FakeLiveness implements RunnerLiveness {
    private final String self;
    final Set<String> gone = ConcurrentHashMap.newKeySet();

    FakeLiveness(String self) {
        this.self = self;
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public boolean isGone(String owner) {
        return gone.contains(owner);
    }
}
