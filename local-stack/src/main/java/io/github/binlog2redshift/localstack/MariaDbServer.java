package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private MariaDB server on 127.0.0.1 and a free port, configured as a CDC source: row-based
 * binlog with full row images (or the ones asked for), server id 1, UTC.
 *
 * <p>It uses the system's {@code mariadbd} and {@code mariadb-install-db} (Debian package {@code
 * mariadb-server}) with {@code --no-defaults}, so the machine's {@code my.cnf} never leaks in. The
 * root user has an empty password and is reachable over TCP from 127.0.0.1 only. Use {@link
 * #admin()} to create databases and users.
 */
public final class MariaDbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"));
    private static final String PACKAGE = "mariadb-server";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final int port;
    private final Path directory;

    private MariaDbServer(ChildProcess process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /**
     * Installs a fresh data directory under {@code directory} and starts the server on a free port.
     */
    public static MariaDbServer start(Path directory) {
        return start(directory, "FULL");
    }

    /**
     * As {@link #start(Path)}, logging row images of the given {@code binlog_row_image} ({@code
     * FULL}, {@code NOBLOB} or {@code MINIMAL}): a source like a busy RDS/Aurora server that logs
     * partial images.
     */
    public static MariaDbServer start(Path directory, String binlogRowImage) {
        Path mariadbd = Executables.find("mariadbd", PACKAGE, SEARCH);
        Path installDb = Executables.find("mariadb-install-db", PACKAGE, SEARCH);
        long started = System.nanoTime();
        MariaDbServer server =
                FreePorts.retryOnBindConflict(
                        attempt ->
                                start(
                                        mariadbd,
                                        installDb,
                                        directory.resolve("attempt-" + attempt),
                                        binlogRowImage));
        LOG.info(
                "MariaDB started on 127.0.0.1:{} in {} ms",
                server.port,
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static MariaDbServer start(
            Path mariadbd, Path installDb, Path dir, String binlogRowImage) {
        Path data = dir.resolve("data");
        Directories.create(dir);
        // Its own temporary directory: another process cleaning the shared /tmp made
        // mariadb-install-db fail ("Error on delete of '/tmp/#sql-temptable-...'").
        Path tmp = Directories.create(dir.resolve("tmp"));
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults"));
        install.add("--datadir=" + data);
        install.add("--tmpdir=" + tmp);
        install.add("--auth-root-authentication-method=normal");
        install.add("--skip-test-db");
        addUserIfRoot(install);
        ChildProcess.run("mariadb-install-db", install, dir, dir.resolve("install.log"), STARTUP);

        int port = FreePorts.pick();
        List<String> command = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults"));
        command.add("--datadir=" + data);
        command.add("--tmpdir=" + tmp);
        command.add("--port=" + port);
        command.add("--socket=" + dir.resolve("mariadb.sock"));
        command.add("--pid-file=" + dir.resolve("mariadb.pid"));
        command.add("--bind-address=127.0.0.1");
        command.add("--skip-name-resolve");
        command.add("--server-id=1");
        command.add("--log-bin=" + data.resolve("binlog"));
        command.add("--binlog-format=ROW");
        command.add("--binlog-row-image=" + binlogRowImage);
        command.add("--default-time-zone=+00:00");
        // --no-defaults drops Debian's utf8mb4 default; without it the server would default to
        // latin1.
        command.add("--character-set-server=utf8mb4");
        command.add("--collation-server=utf8mb4_general_ci");
        // Test data is disposable: trade durability for speed on a 2-core machine.
        command.add("--innodb-flush-log-at-trx-commit=2");
        command.add("--innodb-buffer-pool-size=64M");
        addUserIfRoot(command);
        ChildProcess process =
                ChildProcess.start(
                        "mariadbd", command, dir, dir.resolve("mariadbd.log"), List.of());
        MariaDbServer server = new MariaDbServer(process, port, dir);
        try {
            process.awaitReady(STARTUP, server::canConnect);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    /** mariadbd refuses to run as root unless told to. */
    private static void addUserIfRoot(List<String> command) {
        if (Executables.runningAsRoot()) {
            command.add("--user=root");
        }
    }

    private boolean canConnect() throws Exception {
        try (Connection c = DriverManager.getConnection(admin().jdbcUrl(""), "root", "")) {
            return c.isValid(2);
        }
    }

    /** Administration with the root user: create databases and least-privilege users. */
    public MySqlAdmin admin() {
        return new MySqlAdmin("127.0.0.1", port, "root", "");
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The server process and its descendants; for checks that nothing outlives {@link #close()}.
     */
    public List<Long> processTree() {
        return process.processTree();
    }

    /** Stops the server (SIGTERM, a clean shutdown) and kills it after a grace period. */
    @Override
    public void close() {
        process.close();
    }
}
