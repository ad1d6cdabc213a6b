package io.promptdesk.store;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real PostgreSQL 15 (Debian's {@code postgresql-15}) for tests: a temporary cluster made with {@code initdb},
 * listening on 127.0.0.1 only, on a free port, with password (SCRAM) logins over TCP; one per test JVM, stopped at
 * exit. Each test takes a database of its own ({@link #newDatabase()}). As root, the server runs as the
 * {@code postgres} user ({@code initdb} refuses root).
 * <p>
 * When the binaries are missing a test is skipped with a loud message on a developer's machine, and fails in CI
 * (environment variable CI set), where {@code .ci/run} installs the package.
 */
public final class LocalPostgres {
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "pd-test-superuser-secret";

    private static LocalPostgres shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    /** fsync on (as production servers have it): for benchmarks; tests run with fsync off for speed. */
    private boolean durable;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The one server of this test JVM, started on first use. */
    public static synchronized LocalPostgres shared() {
        if (shared == null) {
            shared = start(false);
            LocalPostgres s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stopQuietly, "stop-test-postgres"));
        }
        return shared;
    }

    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String v : new String[]{"17", "16", "15"}) {
            candidates.add(Path.of("/usr/lib/postgresql", v, "bin"));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(d));
            }
        }
        return candidates.stream().filter(d -> Files.isExecutable(d.resolve("initdb"))
                && Files.isExecutable(d.resolve("pg_ctl"))).findFirst();
    }

    /** A server of its own (for a test that stops it), started now; {@link #destroy()} stops it for good. */
    public static LocalPostgres startPrivate() {
        return start(false);
    }

    /** A server of its own with fsync on, as a production server runs: what a benchmark measures. */
    public static LocalPostgres startDurable() {
        return start(true);
    }

    /** Stops this server and forgets it. */
    public void destroy() {
        stopQuietly();
    }

    private static LocalPostgres start(boolean durable) {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String message = "PostgreSQL is not installed: the team-store tests need Debian's package "
                    + "(apt-get install -y postgresql-15)";
            if (System.getenv("CI") != null) {
                Assertions.fail(message + "; CI must install it (.ci/run)");
            }
            System.err.println("\n*** SKIPPED: " + message + " ***\n");
            Assumptions.abort(message);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "promptdesk-pg-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            int port = freePort();
            LocalPostgres pg = new LocalPostgres(bin.get(), dir, port, root);
            pg.durable = durable;
            pg.run(List.of(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256",
                    "-E", "UTF8", "--locale=C", "--no-sync"));
            pg.startServer();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again, after {@link #stop()}): the data is kept. */
    public void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir
                        // A commit is in the server's WAL before it is acknowledged (a killed server loses nothing);
                        // without fsync the OS may still hold it, which only a machine crash would lose.
                        + (durable ? "" : " -c fsync=off -c full_page_writes=off")
                        + " -c synchronous_commit=on -c max_connections=200",
                "start"));
    }

    /** Stops the server at once (as a crash would); {@link #startServer()} brings it back. */
    public void stop() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            // already stopped
        }
    }

    public int port() {
        return port;
    }

    /** A new store on this server, its schema made. */
    public Database newStoreHere() {
        return Database.openAndMigrate(superuser(newDatabase()), DatabaseOptions.defaults());
    }

    /** A new, empty database on this server; its URL (without credentials). */
    public String newDatabase() {
        String name = "pd_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        superuserSql("CREATE DATABASE " + name);
        return url(name);
    }

    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A store location on {@code url} as the superuser. */
    public static StoreLocation superuser(String url) {
        return StoreLocation.postgresql(url, SUPERUSER, () -> SUPERUSER_PASSWORD);
    }

    /** A login of its own (role with a password) able to use {@code url}'s database fully. */
    public void createLogin(String name, String password) {
        superuserSql("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
    }

    /** A login that may exist already (logins belong to the whole server, shared by the tests' databases). */
    public void ensureLogin(String name, String password) {
        superuserSql("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + name + "') THEN "
                + "CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'; END IF; END $$");
    }

    /** {@code url} with {@code user}'s name and password in it, as a desk would be given. */
    public static String as(String url, String user, String password) {
        return url.replace("postgresql://", "postgresql://" + user + ":" + password + "@");
    }

    public void superuserSql(String sql) {
        superuserSql("postgres", sql);
    }

    public void superuserSql(String database, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database,
                SUPERUSER, SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static Supplier<String> password(String p) {
        return () -> p;
    }

    private void run(List<String> command) {
        run(command, asPostgresUser);
    }

    private static void run(List<String> command, boolean asPostgresUser) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A fresh team store on the shared server: a new database, its schema made by {@code store init}'s path. */
    public static Database newStore() {
        return Database.openAndMigrate(superuser(shared().newDatabase()), DatabaseOptions.defaults());
    }
}
