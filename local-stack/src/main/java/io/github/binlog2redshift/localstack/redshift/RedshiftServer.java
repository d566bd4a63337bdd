package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.PostgresServer;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.redshift.copy.LoadError;
import io.github.binlog2redshift.localstack.redshift.copy.S3CopyLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local Redshift: a server on 127.0.0.1 that speaks the PostgreSQL protocol to the real
 * Redshift JDBC driver and runs each statement on the local PostgreSQL after the Redshift rules
 * (see {@code docs/local-redshift.md}). COPY reads from the local S3 server. Each database made by
 * {@link #createDatabase} has its own user, who owns the database but not the {@code public}
 * schema, as on a cluster.
 */
public final class RedshiftServer implements AutoCloseable {
    /** The IAM role COPY accepts; the local S3 access keys work too. */
    public static final String IAM_ROLE = "arn:aws:iam::000000000000:role/b2r-local-redshift-copy";

    private static final Logger LOG = LoggerFactory.getLogger(RedshiftServer.class);

    private final PostgresServer postgres;
    private final S3ProxyServer s3;
    private final Path copyDirectory;
    private final ServerSocket socket;
    private final ExecutorService sessions;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final S3CopyLoader copyLoader;
    private volatile boolean closed;

    private RedshiftServer(PostgresServer postgres, S3ProxyServer s3, Path directory)
            throws IOException {
        this.postgres = postgres;
        this.s3 = s3;
        this.copyDirectory = Directories.create(directory.resolve("copy"));
        // The postgres OS user reads the converted COPY files.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        this.copyLoader =
                new S3CopyLoader(URI.create(s3.endpoint()), s3.accessKey(), s3.secretKey());
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.sessions =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "b2r-local-redshift-session");
                            t.setDaemon(true);
                            return t;
                        });
        Thread acceptor = new Thread(this::accept, "b2r-local-redshift-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts the server on a free loopback port in front of {@code postgres} and {@code s3}. */
    public static RedshiftServer start(PostgresServer postgres, S3ProxyServer s3, Path directory) {
        try {
            RedshiftServer server = new RedshiftServer(postgres, s3, Directories.create(directory));
            LOG.info("Local Redshift listening on 127.0.0.1:{}", server.port());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Redshift", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * A fresh database {@code name} with its own user (same name) and a random password; the user
     * owns the database and may create schemas in it.
     */
    public RedshiftDatabase createDatabase(String name) {
        if (!name.matches("[a-z0-9_]{1,63}")) {
            throw new IllegalArgumentException(
                    "database name must be 1-63 characters of [a-z0-9_], got: " + name);
        }
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = "Pw" + HexFormat.of().formatHex(random);
        try (Connection c = postgres.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN");
            // The backend runs the COPY engine's converted file with a server-side COPY.
            s.execute("GRANT pg_read_server_files TO " + name);
            s.execute("CREATE DATABASE " + name + " OWNER " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the local Redshift database " + name, e);
        }
        try (Connection c = postgres.connect(name);
                Statement s = c.createStatement()) {
            for (String sql : DatabaseSetup.statements()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the local Redshift database " + name, e);
        }
        passwords.put(name, password);
        return new RedshiftDatabase("127.0.0.1", port(), name, name, password);
    }

    boolean checkPassword(String user, String password) {
        return password != null && password.equals(passwords.get(user));
    }

    int postgresPort() {
        return postgres.port();
    }

    S3CopyLoader copyLoader() {
        return copyLoader;
    }

    Path copyDirectory() {
        return copyDirectory;
    }

    String s3AccessKey() {
        return s3.accessKey();
    }

    String s3SecretKey() {
        return s3.secretKey();
    }

    boolean isClosed() {
        return closed;
    }

    void ensureVarbyte(String database, int length) {
        try (Connection c = postgres.connect(database);
                Statement s = c.createStatement()) {
            s.execute(DatabaseSetup.varbyteDomain(length));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create the VARBYTE(" + length + ") domain in " + database, e);
        }
    }

    /** Adds a row to {@code stl_load_errors} outside the session's transaction. */
    void recordLoadError(String database, String user, LoadError e) {
        String sql =
                "INSERT INTO b2r_emulator.stl_load_errors_all (userid, slice, starttime, session,"
                        + " filename, line_number, colname, raw_field_value, err_code, err_reason, raw_line)"
                        + " SELECT usesysid, 0, now() AT TIME ZONE 'UTC', 0, left(?, 256), ?, left(?, 127),"
                        + " left(?, 1024), ?, left(?, 100), left(?, 1024) FROM pg_user WHERE usename = ?";
        try (Connection c = postgres.connect(database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, e.fileName());
            ps.setLong(2, e.lineNumber());
            ps.setString(3, e.columnName());
            ps.setString(4, e.rawValue());
            ps.setInt(5, e.errorCode());
            ps.setString(6, e.reason());
            ps.setString(7, e.rawValue());
            ps.setString(8, user);
            ps.executeUpdate();
        } catch (SQLException ex) {
            LOG.warn(
                    "Cannot record a load error of {} in stl_load_errors: {}",
                    database,
                    ex.toString());
        }
    }

    /** Passes a cancel request (pid and key from our BackendKeyData) to PostgreSQL. */
    void forwardCancel(byte[] pidAndKey) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), postgres.port())) {
            OutputStream out = s.getOutputStream();
            out.write(
                    java.nio.ByteBuffer.allocate(16)
                            .putInt(16)
                            .putInt(80877102)
                            .put(pidAndKey, 0, 8)
                            .array());
            out.flush();
        } catch (IOException e) {
            LOG.warn("Cannot forward a cancel request: {}", e.toString());
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                sessions.execute(new Session(client, this));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Local Redshift accept failed: {}", e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket", e);
        }
        sessions.shutdownNow();
    }
}
