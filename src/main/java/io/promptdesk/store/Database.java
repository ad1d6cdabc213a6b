package io.promptdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.promptdesk.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * The store's database, one of two adapters behind the same repositories.
 * <ul>
 * <li>The workspace's embedded SQLite file (one desk, no server): WAL journal (readers never block the writer, and a
 * killed process leaves the last commit intact), synchronous=FULL (a commit is on disk before the caller acts on it),
 * foreign keys on, a busy timeout for other processes, and the schema migrated on open. One connection; writes start
 * with {@code BEGIN IMMEDIATE} so two processes never both read and then fail to upgrade to a write lock.</li>
 * <li>A PostgreSQL database (the team store): connections from a pool that reconnects by itself when the server comes
 * back; every write transaction first takes one transaction-scoped advisory lock, so writers from every desk take
 * turns exactly as SQLite's single writer does (the audit chain stays one line, generations stay a sequence), and
 * reads see one snapshot. Its schema is created and upgraded by {@code promptdesk store init}, never behind a
 * desk's back.</li>
 * </ul>
 * One transaction at a time per instance; nested calls join the outer transaction.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The advisory lock every PostgreSQL write takes ('PDSK' as a number): one writer at a time, on every desk. */
    static final long WRITE_LOCK = 0x5044534BL;

    private final StoreLocation location;
    private final Path file;
    /** SQLite: the one connection. PostgreSQL: the connection of the transaction in progress, else null. */
    private Connection connection;
    /** Writers: READ COMMITTED, so a transaction sees every commit made before it got the write lock. */
    private final HikariDataSource pool;
    /** Readers: REPEATABLE READ, one snapshot per transaction (an audit verification reads several tables). */
    private final HikariDataSource readers;
    private final DatabaseOptions options;
    private final ReentrantLock lock = new ReentrantLock();
    private int depth;
    /** Whether the transaction in progress is to be announced to the other desks at commit. */
    private boolean announced;
    /** What to do once the outermost transaction has committed (an outside checkpoint must never run ahead). */
    private final java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();

    private Database(Path file, Connection connection) {
        this.location = StoreLocation.sqlite(file);
        this.file = file;
        this.connection = connection;
        this.pool = null;
        this.readers = null;
        this.options = DatabaseOptions.defaults();
    }

    private Database(StoreLocation location, HikariDataSource pool, HikariDataSource readers,
                     DatabaseOptions options) {
        this.location = location;
        this.file = null;
        this.pool = pool;
        this.readers = readers;
        this.options = options;
    }

    /**
     * Opens the store at {@code location}. SQLite: as {@link #open(Path, DatabaseOptions)} (created and migrated).
     * PostgreSQL: connects and requires the schema this build uses ({@code store init} creates or upgrades it).
     */
    public static Database open(StoreLocation location, DatabaseOptions options) {
        return location.kind() == StoreLocation.Kind.SQLITE ? open(location.file(), options)
                : connectPostgres(location, options, Schema.REQUIRE_CURRENT);
    }

    /** For a command that only reads: SQLite as {@link #openExisting}; PostgreSQL as {@link #open(StoreLocation, DatabaseOptions)}. */
    public static Database openExisting(StoreLocation location, DatabaseOptions options) {
        return location.kind() == StoreLocation.Kind.SQLITE ? openExisting(location.file(), options)
                : connectPostgres(location, options, Schema.REQUIRE_CURRENT);
    }

    /**
     * Opens the store and creates or upgrades its schema (the embedded file is upgraded on every open; a team store
     * only here, by {@code store init}).
     */
    public static Database openAndMigrate(StoreLocation location, DatabaseOptions options) {
        return location.kind() == StoreLocation.Kind.SQLITE ? open(location.file(), options)
                : connectPostgres(location, options, Schema.MIGRATE);
    }

    /** Connects without touching the schema: for {@code store status}, which reports whatever it finds. */
    public static Database connectOnly(StoreLocation location, DatabaseOptions options) {
        return location.kind() == StoreLocation.Kind.SQLITE ? openExisting(location.file(), options)
                : connectPostgres(location, options, Schema.AS_IT_IS);
    }

    private enum Schema { MIGRATE, REQUIRE_CURRENT, AS_IT_IS }

    private static Database connectPostgres(StoreLocation location, DatabaseOptions options, Schema schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        String password = location.password();
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("promptdesk-store");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setAutoCommit(false);
        long connectMillis = Math.max(250, Math.min(options.busyTimeout().toMillis(), options.connectTimeout().toMillis()));
        config.setConnectionTimeout(connectMillis);
        config.setValidationTimeout(Math.max(250, Math.min(connectMillis, 5_000)));
        // Fail at once when the server is not there (a wrong URL, a stopped server): the caller says so.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, connectMillis / 1000)));
        config.addDataSourceProperty("socketTimeout", Long.toString(Math.max(5, options.busyTimeout().toSeconds() * 2)));
        config.addDataSourceProperty("ApplicationName", "PromptDesk");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariConfig readConfig = new HikariConfig();
        config.copyStateTo(readConfig);
        readConfig.setPoolName("promptdesk-store-read");
        readConfig.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        readConfig.setReadOnly(true);
        HikariDataSource pool = new HikariDataSource(config);
        HikariDataSource readers = new HikariDataSource(readConfig);
        Database db = new Database(location, pool, readers, options);
        try {
            db.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1").close();
                }
                return null;
            });
            switch (schema) {
                case MIGRATE -> Migrations.apply(db);
                case REQUIRE_CURRENT -> Migrations.requireCurrent(db);
                case AS_IT_IS -> {
                }
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.debug("connected to {}", location.display());
        return db;
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
                Migrations.apply(db);
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

    /** The SQLite file; null for a PostgreSQL store. */
    public Path file() {
        return file;
    }

    public StoreLocation location() {
        return location;
    }

    public StoreLocation.Kind kind() {
        return location.kind();
    }

    /** What to show a person: the file, or the URL without secrets. */
    public String describe() {
        return location.display();
    }

    /** A data source for the schema migrations: a second connection to the same store. */
    DataSource dataSource() {
        if (pool != null) {
            return pool;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, options.busyTimeout().toMillis()));
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        return ds;
    }

    /** The schema version this build uses (the last migration it ships). */
    public static int latestSchemaVersion() {
        return Migrations.known().size();
    }

    /** The highest schema migration applied to this file. */
    public int schemaVersion() {
        return read(Migrations::currentVersion);
    }

    /** Runs {@code work} in a write transaction and commits it before returning; other desks hear of it. */
    public <T> T write(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", "writing", true, work);
    }

    /**
     * A write other desks need not hear of (a driver renewing its lease): no notification at commit, unless
     * something inside it writes through {@link #write}, which announces the whole transaction.
     */
    public <T> T writeQuietly(SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", "writing", false, work);
    }

    /** Runs {@code work} in a read transaction: one consistent snapshot of the file. */
    public <T> T read(SqlWork<T> work) {
        return inTransaction("BEGIN", "reading", false, work);
    }

    private <T> T inTransaction(String begin, String doing, boolean announce, SqlWork<T> work) {
        lock.lock();
        try {
            if (depth > 0) {
                announced |= announce;
                return joined(doing, work);
            }
            announced = announce;
            if (pool != null) {
                boolean writing = begin.equals("BEGIN IMMEDIATE");
                try {
                    return pooled(writing, doing, work);
                } catch (StoreException e) {
                    if (e.problem() == StoreException.Problem.DENIED) {
                        recordRefusal(e);
                    }
                    throw e;
                }
            }
            try {
                execute(begin);
            } catch (SQLException e) {
                throw translate(doing, e);
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
                throw translate(doing, e);
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

    /** A PostgreSQL transaction on a pooled connection; a write first waits for the store-wide write lock. */
    private <T> T pooled(boolean writing, String doing, SqlWork<T> work) {
        Connection c;
        try {
            c = writing ? pool.getConnection() : readers.getConnection();
        } catch (SQLException e) {
            throw translate(doing, e);
        }
        connection = c;
        depth++;
        boolean committed = false;
        try {
            if (writing) {
                // One round trip: how long to wait for another desk's write, then the wait itself.
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL lock_timeout = " + Math.max(1, options.busyTimeout().toMillis())
                            + "; SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                }
            }
            T result = work.run(c);
            if (writing && announced) {
                // Every open console hears of the change at commit (StoreWatcher).
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_notify('" + StoreWatcher.CHANNEL + "', '')");
                }
            }
            c.commit();
            committed = true;
            runAfterCommit();
            return result;
        } catch (SQLException e) {
            throw translate(doing, e);
        } finally {
            depth--;
            connection = null;
            if (!committed) {
                afterCommit.clear();
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.debug("rollback on {} after a failure: {}", location.display(), e.getMessage());
                }
            }
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("returning a connection to the pool of {}: {}", location.display(), e.getMessage());
            }
        }
    }

    /**
     * The team store refused this login a read or a write (its grants, or a rule of migration V7): the attempt is recorded
     * (who - the database's session user -, when, what) in its own transaction, whatever path it came by.
     */
    private void recordRefusal(StoreException refused) {
        try {
            pooled(true, "recording a refused write", c -> {
                try (java.sql.PreparedStatement p = c.prepareStatement("INSERT INTO access_denials (at, actor, action, "
                        + "subject, needed, detail) VALUES (?, session_user, ?, NULL, ?, ?)")) {
                    p.setLong(1, System.currentTimeMillis());
                    String m = refused.getMessage();
                    p.setString(2, m.contains("(reading") ? "store_read" : "store_write");
                    java.util.regex.Matcher needs = java.util.regex.Pattern.compile("needs the ([a-z, ]+?) role")
                            .matcher(m);
                    p.setString(3, needs.find() ? needs.group(1)
                            : m.contains("(reading") ? "viewer" : "a role that allows it");
                    p.setString(4, m);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record a refused write on {}: {}", location.display(), e.getMessage());
        }
    }

    StoreException translate(String doing, SQLException e) {
        return pool != null ? PostgresErrors.translate(location, doing, e) : SqliteErrors.translate(file, doing, e);
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
            throw translate(doing, e);
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
            if (pool != null) {
                pool.close();
                readers.close();
            } else {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.warn("closing {}: {}", file, e.getMessage());
        } finally {
            lock.unlock();
        }
    }
}
