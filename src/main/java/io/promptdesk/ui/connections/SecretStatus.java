package io.promptdesk.ui.connections;

import io.promptdesk.remote.SecretStore;
import io.promptdesk.ui.common.BackgroundRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Whether one secret is where a form names it - a variable set in the console's environment, or an entry of the
 * OS secret store - never its value. A store lookup runs the store's tool, so it runs off the FX thread through the
 * runner, one at a time: names typed while one is under way are looked up once it ends, only the latest.
 * Used on the FX thread only.
 */
final class SecretStatus {
    private final UnaryOperator<String> environment;
    private final SecretStore store;
    private final BackgroundRunner runner;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper found = new ReadOnlyBooleanWrapper();
    /** The store entry the status is (to be) about, or null when the form names none. */
    private String wantedEntry;
    /** The entry whose lookup is under way, or null. */
    private String lookingUp;

    SecretStatus(UnaryOperator<String> environment, SecretStore store, BackgroundRunner runner) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.store = Objects.requireNonNull(store, "store");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Shows whether the secret {@code name} names in {@code source} exists; nothing when either is null. */
    void show(SecretSource source, String name) {
        String n = FieldRules.strip(name);
        String entry = source == SecretSource.STORE && n != null && FieldRules.entry("secret", n).isEmpty() ? n
                : null;
        if (entry != null && entry.equals(wantedEntry)) {
            return; // another field of the form changed: the store need not be asked again
        }
        wantedEntry = entry;
        if (entry != null) {
            set("looking for entry '" + entry + "' in " + store.describe() + " ...", false);
            if (lookingUp == null) {
                lookUp(entry);
            }
        } else if (source == SecretSource.ENVIRONMENT && n != null) {
            set(FieldRules.variableStatus(n, environment), FieldRules.variableSet(n, environment));
        } else {
            set("", false);
        }
    }

    private void lookUp(String entry) {
        lookingUp = entry;
        // Only whether the entry holds something crosses back to the FX thread, never the secret.
        runner.run((progress, cancelled) -> store.lookup(entry).filter(v -> !v.isBlank()).isPresent(),
                (done, total) -> { },
                present -> answered(entry, present ? "entry '" + entry + "' is stored in " + store.describe()
                        : "entry '" + entry + "' is not found in " + store.describe() + "; store it with: "
                        + store.howToStore(entry), present),
                e -> answered(entry, e.getMessage(), false));
    }

    private void answered(String entry, String message, boolean present) {
        lookingUp = null;
        if (wantedEntry == null) {
            return; // the form no longer names a store entry: its status is already shown
        }
        if (!wantedEntry.equals(entry)) {
            lookUp(wantedEntry);
            return;
        }
        set(message, present);
    }

    private void set(String message, boolean isFound) {
        text.set(message);
        found.set(isFound);
    }

    /** E.g. "$PROM_TOKEN is set" or "entry 'prom-token' is stored in ...", or "" when no secret is named. */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty foundProperty() {
        return found.getReadOnlyProperty();
    }
}
