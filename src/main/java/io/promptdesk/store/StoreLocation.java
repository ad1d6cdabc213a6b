package io.promptdesk.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the store lives: a workspace's SQLite file (one desk, no server), or a PostgreSQL database (the team store,
 * shared by every desk and CI job). The password is asked for only when connecting and never kept in
 * {@link #toString()} or {@link #display()}.
 */
public final class StoreLocation {

    /** The two adapters behind the same repositories. */
    public enum Kind {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** As written in promptdesk.yaml and printed by {@code store status}. */
        public String key() {
            return key;
        }

        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equalsIgnoreCase(key.strip()) || (k == POSTGRESQL && "postgres".equalsIgnoreCase(key.strip()))) {
                    return k;
                }
            }
            throw new IllegalArgumentException("store kind '" + key + "' is not one of sqlite, postgresql");
        }
    }

    private final Kind kind;
    private final Path file;
    private final String jdbcUrl;
    private final String display;
    private final String user;
    private final Supplier<String> password;

    private StoreLocation(Kind kind, Path file, String jdbcUrl, String display, String user,
                          Supplier<String> password) {
        this.kind = kind;
        this.file = file;
        this.jdbcUrl = jdbcUrl;
        this.display = display;
        this.user = user;
        this.password = password;
    }

    public static StoreLocation sqlite(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new StoreLocation(Kind.SQLITE, absolute, null, absolute.toString(), null, () -> null);
    }

    /**
     * A PostgreSQL store from a URL in either form people paste: {@code postgresql://user:pass@host:5432/db} (libpq)
     * or {@code jdbc:postgresql://host:5432/db?user=...}. A user or password inside the URL is taken out of it (the
     * URL is shown and logged; the password never is); {@code user} and {@code password} given apart win.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL (without its secrets)
     */
    public static StoreLocation postgresql(String url, String user, Supplier<String> password) {
        Objects.requireNonNull(url, "url");
        String raw = url.strip();
        String rest;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = raw.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = raw.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = raw.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("store URL '" + redact(raw) + "' is not a PostgreSQL URL: write "
                    + "postgresql://HOST:PORT/DATABASE (or jdbc:postgresql://...)");
        }
        String urlUser = null;
        String urlPassword = null;
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = info.indexOf(':');
            urlUser = decode(colon < 0 ? info : info.substring(0, colon));
            urlPassword = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        if (authority.isBlank()) {
            throw new IllegalArgumentException("store URL '" + redact(raw) + "' names no host: write "
                    + "postgresql://HOST:PORT/DATABASE");
        }
        String database = path;
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            database = path.substring(0, q);
            query = path.substring(q + 1);
        }
        if (database.length() <= 1) {
            throw new IllegalArgumentException("store URL '" + redact(raw) + "' names no database: write "
                    + "postgresql://HOST:PORT/DATABASE");
        }
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) {
                continue;
            }
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : decode(param.substring(eq + 1));
            if (name.equals("user")) {
                urlUser = value;
            } else if (name.equals("password")) {
                urlPassword = value;
            } else {
                kept.add(param);
            }
        }
        try {
            new URI("postgresql://" + authority + database);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("store URL '" + redact(raw) + "' is not a valid URL: "
                    + e.getReason(), e);
        }
        String queryText = kept.isEmpty() ? "" : "?" + String.join("&", kept);
        String jdbc = "jdbc:postgresql://" + authority + database + queryText;
        String display = "postgresql://" + authority + database + queryText;
        String effectiveUser = user != null && !user.isBlank() ? user : urlUser;
        String fromUrl = urlPassword;
        Supplier<String> effectivePassword = () -> {
            String given = password == null ? null : password.get();
            return given != null ? given : fromUrl;
        };
        return new StoreLocation(Kind.POSTGRESQL, null, jdbc, display, effectiveUser, effectivePassword);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A URL as it may be shown: without anything between the scheme and an '@', nor a password parameter. */
    public static String redact(String url) {
        String s = url.replaceAll("(?<=//)[^/@]*@", "");
        return s.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
    }

    public Kind kind() {
        return kind;
    }

    /** The SQLite file; null for PostgreSQL. */
    public Path file() {
        return file;
    }

    /** The JDBC URL without user or password; null for SQLite. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The login, or null for the driver's default (the operating-system user). */
    public String user() {
        return user;
    }

    /** The password, asked for now (from the environment or the OS secret store); null when none is set. */
    public String password() {
        return password.get();
    }

    /** What to show a person: the file, or the URL without secrets. */
    public String display() {
        return display;
    }

    @Override
    public String toString() {
        return kind.key() + " " + display;
    }
}
