package io.promptdesk.store;

import io.promptdesk.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workspace's embedded SQLite database: WAL journal (readers never block the writer, and a killed process
 * leaves the last commit intact), synchronous=FULL (a commit is on disk before the caller acts on it), foreign keys on,
 * a busy timeout for other processes, and the schema migrated on open.
 * <p>
 * One connection, used by one thread at a time. Writes start with {@code BEGIN IMMEDIATE} so two processes never
 * both read and then fail to upgrade to a write lock; nested calls join the outer transaction.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    /** What to do once the outermost transaction has committed (an outside checkpoint must never run ahead). */
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        return open(file, DatabaseOptions.defaults());
    }

    /**
     * Opens (creating if needed, owner-only) the database file and brings its schema up to date. An existing file
     * of zero bytes is refused, not silently made a new database: it is a workspace whose data was lost.
     */
    public static Database open(Path file, DatabaseOptions options) {
        Path absolute = file.toAbsolutePath().normalize();
        refuseEmpty(absolute);
        createFolder(absolute);
        try {
            OwnerOnly.createFile(absolute);
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, absolute, "cannot create " + absolute + ": "
                    + e.getMessage() + "; choose a writable --workspace", e);
        }
        return connect(absolute, options, false);
    }

    /**
     * Opens an existing database for a command that only reads: never creates a folder or a file. A missing or
     * empty file is refused naming the path (a mistyped --workspace must not look like an empty one). A file the
     * user cannot write (a read-only workspace, a copy on a read-only disk) is opened read-only, as it is.
     */
    public static Database openExisting(Path file, DatabaseOptions options) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, absolute, "no PromptDesk workspace at "
                    + absolute.getParent() + ": " + absolute.getFileName() + " does not exist; check --workspace "
                    + "(nothing was created)", null);
        }
        refuseEmpty(absolute);
        Path dir = absolute.getParent();
        boolean writable = Files.isWritable(absolute) && (dir == null || Files.isWritable(dir));
        return connect(absolute, options, !writable);
    }

    /** Opens an existing database read-only, as it is: no migration, no journal file, nothing written. */
    public static Database openReadOnly(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        refuseEmpty(absolute);
        return connect(absolute, DatabaseOptions.defaults(), true);
    }

    private static void refuseEmpty(Path absolute) {
        try {
            if (Files.isRegularFile(absolute) && Files.size(absolute) == 0) {
                throw new StoreException(StoreException.Problem.CORRUPT, absolute, absolute + " is empty (0 bytes): "
                        + "it is not a PromptDesk database, and it is not replaced by a new one; restore it from a "
                        + "backup, or remove it to start an empty workspace", null);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, absolute, "cannot read " + absolute + ": "
                    + e.getMessage(), e);
        }
    }

    private static Database connect(Path absolute, DatabaseOptions options, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        Connection c;
        try {
            if (readOnly) {
                // Nobody can write here: read the file as it is, without the WAL's shared-memory file.
                config.setReadOnly(true);
                c = config.createConnection("jdbc:sqlite:file:" + absolute.toUri().getRawPath() + "?immutable=1");
            } else {
                c = config.createConnection("jdbc:sqlite:" + absolute);
            }
        } catch (SQLException e) {
            throw SqliteErrors.translate(absolute, "opening the database", e);
        }
        Database db = new Database(absolute, c);
        try {
            db.checkReadable();
            if (options.maxPageCount() > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + options.maxPageCount());
                }
            }
            if (readOnly) {
                Migrations.requireCurrent(db);
            } else {
                new Migrations(db).apply();
            }
        } catch (SQLException e) {
            db.close();
            throw SqliteErrors.translate(absolute, "opening the database", e);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.debug("opened {}", absolute);
        return db;
    }

    public Path file() {
        return file;
    }

    /** The highest schema migration applied to this file. */
    public int schemaVersion() {
        return read(Migrations::currentVersion);
    }

    /** Runs {@code work} in a write transaction and commits it before returning. */
    public <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", "writing", work);
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot of the file. */
    public <T> T read(SqlWork<T> work) {
        return inTransaction("BEGIN", "reading", work);
    }

    private <T> T inTransaction(String begin, String doing, SqlWork<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                return joined(doing, work);
            }
            try {
                execute(begin);
            } catch (SQLException e) {
                throw SqliteErrors.translate(file, doing, e);
            }
            depth++;
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                runAfterCommit();
                return result;
            } catch (SQLException e) {
                throw SqliteErrors.translate(file, doing, e);
            } finally {
                depth--;
                if (!committed) {
                    afterCommit.clear();
                    rollbackQuietly();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code action} after the current transaction commits (at once when there is none); dropped if it rolls
     * back. A failing action is logged: the commit it follows stands.
     */
    public void afterCommit(Runnable action) {
        lock.lock();
        try {
            if (depth == 0) {
                action.run();
            } else {
                afterCommit.add(action);
            }
        } finally {
            lock.unlock();
        }
    }

    private void runAfterCommit() {
        java.util.List<Runnable> due = new java.util.ArrayList<>(afterCommit);
        afterCommit.clear();
        for (Runnable r : due) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: after the commit: {}", file, e.getMessage());
            }
        }
    }

    private <T> T joined(String doing, SqlWork<T> work) {
        depth++;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqliteErrors.translate(file, doing, e);
        } finally {
            depth--;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors (a full disk, a failed COMMIT); nothing is left to undo.
            LOG.debug("rollback of {} after a failure: {}", file, e.getMessage());
        }
    }

    private void checkReadable() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        }
    }

    private static void createFolder(Path absolute) {
        Path parent = absolute.getParent();
        if (parent == null) {
            return;
        }
        try {
            OwnerOnly.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.UNAVAILABLE, absolute,
                    "cannot create the folder " + parent + " for " + absolute.getFileName() + ": " + e.getMessage()
                            + "; choose a writable --workspace", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
