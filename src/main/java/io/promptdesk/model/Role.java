package io.promptdesk.model;

import java.util.Locale;

/**
 * What a person may do with a team store. On PostgreSQL each is a database role ({@link #sqlName()}) granted to the
 * engineer's own login, and the database enforces it; on the one-desk embedded store the operating-system user holds
 * every role.
 */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Registers versions. */
    AUTHOR,
    /** Starts, advances (and forces), pauses, resumes, completes and aborts rollouts, and drives them. */
    RELEASER,
    /** Rolls back. */
    ONCALL,
    /** Grants and revokes roles; store and connection settings. */
    ADMIN;

    public static final String SQL_PREFIX = "promptdesk_";

    /** The name written on the command line and in JSON: {@code viewer}, {@code oncall}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The PostgreSQL role: {@code promptdesk_oncall}. */
    public String sqlName() {
        return SQL_PREFIX + key();
    }

    /** The role named {@code text} ({@code oncall} or {@code promptdesk_oncall}, any case). */
    public static Role parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith(SQL_PREFIX)) {
            t = t.substring(SQL_PREFIX.length());
        }
        for (Role r : values()) {
            if (r.key().equals(t)) {
                return r;
            }
        }
        throw new BadInputException("unknown role '" + text + "': expected one of viewer, author, releaser, oncall, "
                + "admin");
    }
}
