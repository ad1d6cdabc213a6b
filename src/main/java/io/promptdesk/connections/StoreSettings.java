package io.promptdesk.connections;

import io.promptdesk.model.BadInputException;
import io.promptdesk.remote.SecretStore;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Where the workspace's records are kept, as {@code promptdesk.yaml}'s {@code store:} section, the environment
 * ({@value #ENV_STORE_URL}) and {@code --store-url} give it: the embedded SQLite file in the workspace folder (the
 * default: one desk, no server), or a PostgreSQL team store shared by every desk and CI job. Like the other
 * connections it names where the password is - an environment variable or an OS secret store entry - never the
 * password itself.
 *
 * @param kind           {@code sqlite} or {@code postgresql}
 * @param url            the team store's URL ({@code postgresql://HOST:PORT/DATABASE}); null for SQLite
 * @param user           the login; null for the driver's default (the operating-system user)
 * @param passwordEnv    the variable holding the password
 * @param passwordSecret or the OS secret store entry holding it
 */
public record StoreSettings(String kind, String url, String user, String passwordEnv, String passwordSecret) {
    public static final String ENV_STORE_URL = "PROMPTDESK_STORE_URL";
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    /** libpq's variable, read when the settings name no password source (then the driver's ~/.pgpass). */
    static final String ENV_PGPASSWORD = "PGPASSWORD";

    public StoreSettings {
        kind = kind == null ? (url == null ? SQLITE : POSTGRESQL) : kind.strip().toLowerCase(Locale.ROOT);
        if (kind.equals("postgres")) {
            kind = POSTGRESQL;
        }
        if (!kind.equals(SQLITE) && !kind.equals(POSTGRESQL)) {
            throw new BadInputException("store.kind '" + kind + "' is not one of sqlite, postgresql");
        }
        if (kind.equals(POSTGRESQL) && (url == null || url.isBlank())) {
            throw new BadInputException("store.kind postgresql needs store.url (postgresql://HOST:PORT/DATABASE)");
        }
        if (passwordEnv != null && passwordSecret != null) {
            throw new BadInputException("store " + new SecretChoice("password_env", passwordEnv, "password_secret",
                    passwordSecret).problem(false));
        }
    }

    /** The embedded SQLite file of the workspace. */
    public static StoreSettings embedded() {
        return new StoreSettings(SQLITE, null, null, null, null);
    }

    public boolean team() {
        return kind.equals(POSTGRESQL);
    }

    /** The team store at {@code url} (a {@code --store-url} or {@value #ENV_STORE_URL}), keeping the login settings. */
    public StoreSettings withUrl(String newUrl) {
        if (newUrl == null || newUrl.isBlank()) {
            return this;
        }
        String u = newUrl.strip();
        if (u.toLowerCase(Locale.ROOT).startsWith("sqlite")) {
            return embedded();
        }
        return new StoreSettings(POSTGRESQL, u, user, passwordEnv, passwordSecret);
    }

    /** With {@value #ENV_STORE_URL} applied when set. */
    public StoreSettings withEnvironment(UnaryOperator<String> env) {
        String u = env.apply(ENV_STORE_URL);
        return u == null || u.isBlank() ? this : withUrl(u);
    }

    /**
     * The password, read now: from {@code password_env} or {@code password_secret} when named, else libpq's
     * {@code PGPASSWORD}; null when none (the driver then reads ~/.pgpass, or the server needs none).
     *
     * @throws BadInputException when the named variable is unset or the entry is not in the store
     */
    public String password(UnaryOperator<String> env, SecretStore secrets) {
        if (passwordEnv == null && passwordSecret == null) {
            String pg = env.apply(ENV_PGPASSWORD);
            return pg == null || pg.isEmpty() ? null : pg;
        }
        return new SecretChoice("password_env", passwordEnv, "password_secret", passwordSecret)
                .resolve("team store", env, secrets).forDriver();
    }
}
