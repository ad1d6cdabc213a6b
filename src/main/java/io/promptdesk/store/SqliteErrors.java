package io.promptdesk.store;

import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns SQLite's result codes into a {@link StoreException} a person can act on. */
final class SqliteErrors {
    // Primary result codes of sqlite3.h; the driver may report the extended code, whose low byte is the primary one.
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int CONSTRAINT = 19;
    private static final int NOTADB = 26;

    private SqliteErrors() {
    }

    static StoreException translate(Path file, String doing, SQLException e) {
        int code = primaryCode(e);
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return switch (code) {
            case BUSY, LOCKED -> new StoreException(StoreException.Problem.LOCKED, file,
                    file + " is locked by another process (" + doing + "): close the other PromptDesk instance "
                            + "or wait for it to finish, then retry; nothing was changed", e);
            case CORRUPT, NOTADB -> new StoreException(StoreException.Problem.CORRUPT, file,
                    file + " is not a PromptDesk database or is damaged (" + doing + "): restore it from a backup, "
                            + "or move it aside to start an empty workspace", e);
            case FULL -> new StoreException(StoreException.Problem.FULL, file,
                    "the disk holding " + file + " is full (" + doing + "): free some space and retry; "
                            + "the change was not saved and the database is unchanged", e);
            case IOERR -> new StoreException(StoreException.Problem.FULL, file,
                    "could not write " + file + " (" + doing + "): the disk may be full or failing; free some "
                            + "space or check the disk, then retry; the change was not saved", e);
            case READONLY, CANTOPEN -> new StoreException(StoreException.Problem.UNAVAILABLE, file,
                    "cannot open " + file + " for writing (" + doing + "): check that its folder exists and is "
                            + "writable", e);
            case CONSTRAINT -> new StoreException(StoreException.Problem.CONSTRAINT, file,
                    doing + " was refused by " + file + ": " + detail, e);
            default -> new StoreException(StoreException.Problem.OTHER, file,
                    file + ": " + doing + " failed: " + detail, e);
        };
    }

    private static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException s) {
            return s.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }
}
