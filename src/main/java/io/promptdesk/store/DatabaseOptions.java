package io.promptdesk.store;

import java.time.Duration;

/**
 * How a {@link Database} is opened.
 *
 * @param busyTimeout  how long a write waits for another process's lock before failing as {@code LOCKED}
 * @param maxPageCount SQLite's page limit, 0 for none; a limit makes "disk full" reproducible in tests
 * @param connectTimeout how long a team store (PostgreSQL) may take to give a connection before the action fails
 *                       naming it: a rollback must fail fast, never wait blind for a server that is gone
 */
public record DatabaseOptions(Duration busyTimeout, long maxPageCount, Duration connectTimeout) {

    /** Five seconds: a team store on the LAN answers in milliseconds; a stopped one must not eat the rollback SLA. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public DatabaseOptions(Duration busyTimeout, long maxPageCount) {
        this(busyTimeout, maxPageCount, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * Long enough for a storm of processes started at once on a busy machine (each write is milliseconds, but a
     * lock holder can be descheduled for seconds while fifty JVMs start), short of a rollback's 30 s SLA.
     */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(15);

    public DatabaseOptions {
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busy timeout must not be negative: " + busyTimeout);
        }
        if (maxPageCount < 0) {
            throw new IllegalArgumentException("max page count must not be negative: " + maxPageCount);
        }
    }

    public static DatabaseOptions defaults() {
        return new DatabaseOptions(DEFAULT_BUSY_TIMEOUT, 0);
    }

    public DatabaseOptions withBusyTimeout(Duration timeout) {
        return new DatabaseOptions(timeout, maxPageCount, connectTimeout);
    }

    public DatabaseOptions withMaxPageCount(long pages) {
        return new DatabaseOptions(busyTimeout, pages, connectTimeout);
    }

    public DatabaseOptions withConnectTimeout(Duration timeout) {
        return new DatabaseOptions(busyTimeout, maxPageCount, timeout);
    }
}
