package io.promptdesk.store;

import io.promptdesk.model.PromptDeskException;

import java.nio.file.Path;

/**
 * The workspace database cannot do what was asked. The message names the file and what to do about it;
 * {@link #problem()} lets callers react (retry a locked file, offer to move a corrupt one aside).
 */
public class StoreException extends PromptDeskException {

    /** What went wrong, coarse enough to act on. */
    public enum Problem {
        /** Another process holds the write lock longer than the busy timeout. */
        LOCKED,
        /** The file is not a SQLite database or is damaged. */
        CORRUPT,
        /** The disk (or the database's size limit) is full. */
        FULL,
        /** The file or its directory cannot be opened or written. */
        UNAVAILABLE,
        /** The file was written by a newer PromptDesk with a schema this one does not know. */
        TOO_NEW,
        /** A write broke a rule of the schema (a key, a foreign key, an append-only table). */
        CONSTRAINT,
        /** The store refused this login the action (a team store's role does not allow it). */
        DENIED,
        /** Anything else the database reported. */
        OTHER
    }

    private final Problem problem;
    private final Path file;
    private final String store;

    public StoreException(Problem problem, Path file, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = file;
        this.store = file == null ? null : file.toString();
    }

    /** A problem of a store that is not a file (a team store): named by its URL, without secrets. */
    public StoreException(Problem problem, StoreLocation location, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.file = location.file();
        this.store = location.display();
    }

    /** The store concerned: its file, or its URL without secrets. */
    public String store() {
        return store;
    }

    public Problem problem() {
        return problem;
    }

    /** The database file concerned; null for a team store. */
    public Path file() {
        return file;
    }
}
