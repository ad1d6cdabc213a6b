package io.promptdesk.remote;

import io.promptdesk.model.BadInputException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A secret store held in a map, remembering the entries asked for; {@link #unavailable} fails every lookup. */
public final class FakeSecretStore implements SecretStore {
    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile String failure;

    public static FakeSecretStore with(Map<String, String> entries) {
        FakeSecretStore s = new FakeSecretStore();
        s.entries.putAll(entries);
        return s;
    }

    /** A store whose tool cannot be run: every lookup fails with {@code why}. */
    public static FakeSecretStore unavailable(String why) {
        FakeSecretStore s = new FakeSecretStore();
        s.failure = why;
        return s;
    }

    public FakeSecretStore put(String entry, String secret) {
        entries.put(entry, secret);
        return this;
    }

    /** The entries looked up so far, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Optional<String> lookup(String entry) {
        asked.add(entry);
        if (failure != null) {
            throw new BadInputException(failure);
        }
        return Optional.ofNullable(entries.get(entry));
    }

    @Override
    public String describe() {
        return "the test keyring";
    }

    @Override
    public String howToStore(String entry) {
        return "keyring put " + entry;
    }
}
