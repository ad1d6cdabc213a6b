package io.promptdesk.store;

import java.sql.SQLException;

/**
 * Turns PostgreSQL's SQLSTATEs into a {@link StoreException} a person can act on, naming the team store by its URL
 * (never its password). A store that cannot be reached is said to be so: the action did not happen.
 */
final class PostgresErrors {
    private PostgresErrors() {
    }

    static StoreException translate(StoreLocation store, String doing, SQLException e) {
        String state = sqlState(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        String name = "the team store " + store.display();
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.isEmpty() && detail.toLowerCase(java.util.Locale.ROOT).contains("connection")) {
            return new Unreachable(store, name + " cannot be reached (" + doing + "): " + firstLine(rootMessage(e))
                    + "; nothing was changed - check that the server is running and the URL, then retry", e);
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return new StoreException(StoreException.Problem.UNAVAILABLE, store, name + " refused the login ("
                    + doing + "): " + firstLine(detail) + "; check the user and the password's source "
                    + "(password_env or password_secret in promptdesk.yaml)", e);
        }
        if (state.equals("3D000")) {
            return new StoreException(StoreException.Problem.UNAVAILABLE, store, name + " has no such database ("
                    + doing + "): " + firstLine(detail) + "; create it (see the README's Team set-up)", e);
        }
        if (state.equals("42501")) {
            return new StoreException(StoreException.Problem.DENIED, store, name + " refused this login ("
                    + doing + "): " + firstLine(detail).replaceFirst("^ERROR: ", "") + neededFor(doing, detail)
                    + "; nothing was changed", e);
        }
        if (state.equals("55P03") || state.equals("40001") || state.equals("40P01") || state.equals("57014")) {
            return new StoreException(StoreException.Problem.LOCKED, store, name + " is busy with another desk's "
                    + "change (" + doing + "): retry; nothing was changed", e);
        }
        if (state.startsWith("53")) {
            return new StoreException(StoreException.Problem.FULL, store, name + " is out of space or resources ("
                    + doing + "): " + firstLine(detail) + "; the change was not saved", e);
        }
        if (state.startsWith("23")) {
            return new StoreException(StoreException.Problem.CONSTRAINT, store, doing + " was refused by " + name
                    + ": " + firstLine(detail), e);
        }
        if (state.equals("42P01") || state.equals("42703")) {
            return new StoreException(StoreException.Problem.UNAVAILABLE, store, name + " has no PromptDesk schema "
                    + "or an older one (" + doing + "): " + firstLine(detail) + "; run `promptdesk store init`", e);
        }
        return new StoreException(StoreException.Problem.OTHER, store, name + ": " + doing + " failed: "
                + firstLine(detail), e);
    }

    /** Which roles may write each table (PostgreSQL migration V7), for a refusal's message. */
    private static final java.util.Map<String, String> WRITERS = java.util.Map.ofEntries(
            java.util.Map.entry("models", "author"), java.util.Map.entry("model_versions", "author"),
            java.util.Map.entry("model_tags", "author, releaser or oncall"),
            java.util.Map.entry("model_aliases", "releaser or oncall"),
            java.util.Map.entry("registry_events", "author, releaser or oncall"),
            java.util.Map.entry("remote_registry_events", "author, releaser or oncall"),
            java.util.Map.entry("audit_log", "author, releaser or oncall"),
            java.util.Map.entry("rollouts", "releaser"), java.util.Map.entry("rollout_events", "releaser"),
            java.util.Map.entry("health_checks", "releaser"), java.util.Map.entry("driver_leases", "releaser"),
            java.util.Map.entry("deployment_state", "releaser or oncall"),
            java.util.Map.entry("rollbacks", "oncall"), java.util.Map.entry("rollback_steps", "oncall"));

    /** "permission denied for table rollouts" says nothing of roles: name the ones that may write it. */
    static String neededFor(String doing, String detail) {
        if (doing.startsWith("reading")) {
            return " (reading the store needs a PromptDesk role, viewer at least)";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("permission denied for table (\\w+)")
                .matcher(detail);
        if (m.find() && WRITERS.containsKey(m.group(1))) {
            return " (writing " + m.group(1) + " needs the " + WRITERS.get(m.group(1)) + " role)";
        }
        return "";
    }

    /** The team store did not answer: nothing happened, and it may once the server is back. */
    static final class Unreachable extends StoreException implements io.promptdesk.model.Unreachable {
        Unreachable(StoreLocation store, String message, Throwable cause) {
            super(Problem.UNAVAILABLE, store, message, cause);
        }
    }

    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "";
    }

    /** The innermost cause's message: the pool's "request timed out" hides the driver's "connection refused". */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? String.valueOf(e.getMessage()) : m;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
