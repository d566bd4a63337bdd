package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL server (15 or later, for MERGE) on 127.0.0.1 and a free port, standing in
 * for Redshift.
 *
 * <p>It uses Debian's binaries from {@code /usr/lib/postgresql/<version>/bin} (package {@code
 * postgresql}), trust authentication for the {@code postgres} superuser, and no fsync. PostgreSQL
 * refuses to run as root, so as root the data directory is given to the {@code postgres} user and
 * the server runs under it via {@code setpriv}, which execs (unlike {@code runuser}) so the server
 * is this JVM's direct child.
 */
public final class PostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final int MIN_VERSION = 15;
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private ChildProcess process;
    private final int port;

    private PostgresServer(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Creates a cluster under {@code directory} and starts it on a free port. */
    public static PostgresServer start(Path directory) {
        Path bin = findBinaries();
        long started = System.nanoTime();
        PostgresServer server =
                FreePorts.retryOnBindConflict(
                        attempt -> start(bin, directory.resolve("attempt-" + attempt)));
        LOG.info(
                "PostgreSQL started on 127.0.0.1:{} in {} ms",
                server.port,
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static PostgresServer start(Path bin, Path dir) {
        Path data = dir.resolve("data");
        Path sockets = dir.resolve("sockets");
        Directories.create(sockets);
        if (Executables.runningAsRoot()) {
            handToPostgresUser(dir);
        }
        List<String> initdb = asServerUser(bin.resolve("initdb"));
        initdb.addAll(
                List.of("-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8"));
        initdb.addAll(List.of("--locale=C", "--no-sync", "--no-instructions"));
        ChildProcess.run("initdb", initdb, dir, dir.resolve("initdb.log"), STARTUP);

        int port = FreePorts.pick();
        List<String> command = asServerUser(bin.resolve("postgres"));
        command.addAll(List.of("-D", data.toString(), "-p", Integer.toString(port)));
        command.addAll(List.of("-k", sockets.toString(), "-c", "listen_addresses=127.0.0.1"));
        // Disposable test data: skip the durability work that dominates small transactions.
        command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off"));
        command.addAll(List.of("-c", "full_page_writes=off", "-c", "max_connections=200"));
        // SIGTERM would be a "smart" shutdown that waits for every client to disconnect; SIGINT is
        // "fast".
        ChildProcess process =
                ChildProcess.start(
                        "postgres",
                        command,
                        dir,
                        dir.resolve("postgres.log"),
                        List.of("kill", "-INT", "{pid}"));
        PostgresServer server = new PostgresServer(process, port);
        try {
            process.awaitReady(STARTUP, server::canConnect);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    private boolean canConnect() throws SQLException {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        }
    }

    /** Creates a fresh database {@code name} (lower-case letters, digits, {@code _}). */
    public PostgresDatabase createDatabase(String name) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException(
                    "database name must be 1-63 characters of [a-z0-9_], got: " + name);
        }
        try (Connection c = connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create PostgreSQL database " + name, e);
        }
        return new PostgresDatabase("127.0.0.1", port, name, "postgres", "");
    }

    /** A connection to {@code database} as the superuser. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                PostgresDatabase.jdbcUrl(port, database), "postgres", "");
    }

    public int port() {
        return port;
    }

    /** Stops the server as {@link #close()} does, keeping its data directory and port. */
    public synchronized void stop() {
        process.close();
    }

    /**
     * Starts the server again on its data directory and port (stopping it first if it runs), and
     * waits until it answers: the restart a fault test needs.
     */
    public synchronized void restart() {
        process = process.restarted(STARTUP, this::canConnect);
    }

    /**
     * The server process and its descendants; for checks that nothing outlives {@link #close()}.
     */
    public synchronized List<Long> processTree() {
        return process.processTree();
    }

    /** Stops the server with a fast shutdown (SIGINT) and kills it after a grace period. */
    @Override
    public synchronized void close() {
        process.close();
    }

    private static List<String> asServerUser(Path executable) {
        List<String> command = new ArrayList<>();
        if (Executables.runningAsRoot()) {
            command.addAll(
                    List.of("setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"));
        }
        command.add(executable.toString());
        return command;
    }

    /**
     * Makes {@code dir} the postgres user's and its ancestors traversable, since it lives in root's
     * tree.
     */
    private static void handToPostgresUser(Path dir) {
        try {
            UserPrincipal postgres =
                    dir.getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName("postgres");
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.toList()) {
                    Files.setOwner(path, postgres);
                }
            }
            for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
                var permissions = Files.getPosixFilePermissions(p);
                if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(p, permissions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot give "
                            + dir
                            + " to the postgres user (is the postgresql package installed?)",
                    e);
        }
    }

    /** The bin directory of the newest installed PostgreSQL that has MERGE (15+). */
    static Path findBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var newest =
                        versions.filter(p -> p.getFileName().toString().matches("\\d+"))
                                .filter(
                                        p ->
                                                Integer.parseInt(p.getFileName().toString())
                                                        >= MIN_VERSION)
                                .filter(p -> Files.isExecutable(p.resolve("bin/postgres")))
                                .max(
                                        Comparator.comparingInt(
                                                p -> Integer.parseInt(p.getFileName().toString())));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return Executables.find("postgres", "postgresql", List.of()).getParent();
    }
}
