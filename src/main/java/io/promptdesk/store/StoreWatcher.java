package io.promptdesk.store;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Tells a desk when another desk (or a CLI command) changed the store, and whether the store answers.
 * <ul>
 * <li>Team store: a connection of its own LISTENs on {@value #CHANNEL}; every write transaction NOTIFYs it at
 * commit. When the server goes away the watcher says so, retries (1 s, then every 5 s) and, once back, reports a
 * change so that everything is read again.</li>
 * <li>Embedded store: SQLite's {@code data_version}, which moves when another connection - a CLI command at the same
 * desk - commits, read every {@code poll}.</li>
 * </ul>
 * Runs on a daemon thread until {@link #close()}.
 */
public final class StoreWatcher implements AutoCloseable {
    /** The channel every write notifies. */
    public static final String CHANNEL = "promptdesk_changes";
    private static final Logger LOG = LoggerFactory.getLogger(StoreWatcher.class);

    /** What the watcher reports; called on its own thread. */
    public interface Listener {
        /** Another desk or process changed the store: read again. */
        void changed();

        /** The store answers again ({@code problem} null), or it does not (and why). */
        void reachability(boolean reachable, String problem);
    }

    private final Database db;
    private final Listener listener;
    private final Duration poll;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;

    private StoreWatcher(Database db, Listener listener, Duration poll) {
        this.db = db;
        this.listener = listener;
        this.poll = poll;
        this.thread = new Thread(this::run, "promptdesk-store-watch");
        thread.setDaemon(true);
    }

    public static StoreWatcher start(Database db, Listener listener, Duration poll) {
        StoreWatcher w = new StoreWatcher(db, listener, poll);
        w.thread.start();
        return w;
    }

    private void run() {
        if (db.kind() == StoreLocation.Kind.SQLITE) {
            runSqlite();
        } else {
            runPostgres();
        }
    }

    private void runSqlite() {
        long last = -1;
        Boolean reachable = null;
        while (!closed) {
            try {
                long v = db.read(c -> {
                    try (Statement s = c.createStatement(); var rs = s.executeQuery("PRAGMA data_version")) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
                if (reachable == null || !reachable) {
                    reachable = true;
                    listener.reachability(true, null);
                }
                if (last >= 0 && v != last) {
                    listener.changed();
                }
                last = v;
            } catch (RuntimeException e) {
                if (reachable == null || reachable) {
                    reachable = false;
                    listener.reachability(false, e.getMessage());
                }
            }
            if (!pause(poll)) {
                return;
            }
        }
    }

    private void runPostgres() {
        boolean wasReachable = false;
        boolean reported = false;
        Duration retry = Duration.ofSeconds(1);
        while (!closed) {
            try (Connection c = connect()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!wasReachable || !reported) {
                    listener.reachability(true, null);
                    if (reported) {
                        // Back after an outage: whatever happened meanwhile is read again.
                        listener.changed();
                    }
                }
                wasReachable = true;
                reported = true;
                retry = Duration.ofSeconds(1);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) Math.max(1, poll.toMillis()));
                    if (got != null && got.length > 0) {
                        listener.changed();
                    }
                    // A dead server shows here even when no notification comes.
                    if (!c.isValid(2)) {
                        throw new SQLException("the connection to the team store was lost", "08006");
                    }
                }
            } catch (SQLException e) {
                if (closed) {
                    return;
                }
                if (wasReachable || !reported) {
                    StoreException x = PostgresErrors.translate(db.location(), "watching for changes", e);
                    LOG.warn("{}", x.getMessage());
                    listener.reachability(false, x.getMessage());
                }
                wasReachable = false;
                reported = true;
                if (!pause(retry)) {
                    return;
                }
                retry = Duration.ofSeconds(5);
            } finally {
                listening = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        StoreLocation l = db.location();
        Properties p = new Properties();
        if (l.user() != null) {
            p.setProperty("user", l.user());
        }
        String password = l.password();
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "PromptDesk watcher");
        p.setProperty("connectTimeout", "5");
        p.setProperty("tcpKeepAlive", "true");
        Connection c = DriverManager.getConnection(l.jdbcUrl(), p);
        c.setAutoCommit(true);
        return c;
    }

    private boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing the watcher's connection: {}", e.getMessage());
            }
        }
    }
}
