package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.OrphanReaper;
import io.github.binlog2redshift.localstack.internal.UniqueNames;
import io.github.binlog2redshift.localstack.redshift.RedshiftDatabase;
import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local services of binlog2redshift in one temporary directory: MariaDB (or an existing MySQL
 * named by {@value MySqlAdmin#URL_VARIABLE}), a Kafka broker, S3Proxy and PostgreSQL. Each service
 * starts on first use, so a test or a local run only pays for what it touches.
 *
 * <p>The {@code new*} methods hand out fresh, uniquely named resources: a database with its users,
 * a created topic, a bucket prefix. {@link #close()} stops every service and deletes the directory;
 * a shutdown hook does the same on SIGINT/SIGTERM, and a watcher process does it if the JVM is
 * killed outright.
 */
public final class LocalStack implements AutoCloseable {
    /** The one bucket of the local S3 endpoint. */
    public static final String BUCKET = "b2r-local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final Path directory;
    private final UniqueNames names = new UniqueNames();
    private final Thread shutdownHook;
    private final Process directoryReaper;
    private MySqlAdmin mySql;
    private MariaDbServer mariaDb;
    private KafkaBroker kafka;
    private S3ProxyServer s3;
    private PostgresServer postgres;
    private RedshiftServer redshift;
    private boolean closed;
    private String binlogRowImage = "FULL";

    private LocalStack(Path directory) {
        this.directory = directory;
        this.directoryReaper = OrphanReaper.watch(List.of(), directory);
        this.shutdownHook = new Thread(this::close, "b2r-local-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** A stack in a new temporary directory under {@code java.io.tmpdir}. */
    public static LocalStack create() {
        try {
            return new LocalStack(Files.createTempDirectory("b2r-local-stack-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** A stack in {@code directory}, which is deleted on close. */
    public static LocalStack create(Path directory) {
        return new LocalStack(Directories.create(directory));
    }

    /** The MySQL-protocol source: the external server if configured, else a local MariaDB. */
    public synchronized MySqlAdmin mySql() {
        checkOpen();
        if (mySql == null) {
            Optional<MySqlAdmin> external = MySqlAdmin.fromEnvironment(System.getenv());
            if (external.isPresent()) {
                LOG.info(
                        "Using the MySQL server at {}:{} from {}",
                        external.get().host(),
                        external.get().port(),
                        MySqlAdmin.URL_VARIABLE);
                mySql = external.get();
            } else {
                mariaDb = MariaDbServer.start(directory.resolve("mariadb"), binlogRowImage);
                mySql = mariaDb.admin();
            }
        }
        return mySql;
    }

    /**
     * The {@code binlog_row_image} of the local MariaDB ({@link MariaDbServer#start(Path,
     * String)}); FULL unless set before {@link #mySql()} first starts it.
     */
    public synchronized LocalStack binlogRowImage(String image) {
        if (mariaDb != null) {
            throw new IllegalStateException("MariaDB already started with " + binlogRowImage);
        }
        binlogRowImage = image;
        return this;
    }

    /** Whether {@link #mySql()} is an existing server named by {@value MySqlAdmin#URL_VARIABLE}. */
    public synchronized boolean usesExternalMySql() {
        return mySql() != null && mariaDb == null;
    }

    public synchronized KafkaBroker kafka() {
        checkOpen();
        if (kafka == null) {
            kafka = KafkaBroker.start(directory.resolve("kafka"));
        }
        return kafka;
    }

    public synchronized S3ProxyServer s3() {
        checkOpen();
        if (s3 == null) {
            s3 = S3ProxyServer.start(directory.resolve("s3proxy"), BUCKET);
        }
        return s3;
    }

    public synchronized PostgresServer postgres() {
        checkOpen();
        if (postgres == null) {
            postgres = PostgresServer.start(directory.resolve("postgres"));
        }
        return postgres;
    }

    /**
     * The local Redshift (in this JVM), in front of {@link #postgres()} and {@link #s3()}; see
     * {@code docs/local-redshift.md}.
     */
    public synchronized RedshiftServer redshift() {
        checkOpen();
        if (redshift == null) {
            redshift = RedshiftServer.start(postgres(), s3(), directory.resolve("redshift"));
        }
        return redshift;
    }

    /** A fresh local Redshift database named after {@code hint}, with its own user and password. */
    public RedshiftDatabase newRedshiftDatabase(String hint) {
        return redshift().createDatabase(names.next(hint));
    }

    /**
     * A fresh MySQL database named after {@code hint}, with owner and least-privilege CDC users.
     */
    public MySqlDatabase newMySqlDatabase(String hint) {
        return mySql().createDatabase(names.next(hint));
    }

    /** A fresh PostgreSQL database named after {@code hint}. */
    public PostgresDatabase newPostgresDatabase(String hint) {
        return postgres().createDatabase(names.next(hint));
    }

    /** A created topic named after {@code hint}. */
    public KafkaTopic newTopic(String hint, int partitions) {
        String name = names.next(hint);
        kafka().createTopic(name, partitions);
        return new KafkaTopic(name, partitions, kafka().bootstrapServers());
    }

    /** A prefix of the local bucket, named after {@code hint}, that nothing else writes to. */
    public S3Location newS3Location(String hint) {
        return new S3Location(s3().bucket(), names.next(hint) + "/");
    }

    /**
     * A unique name of at most 25 characters of {@code [a-z0-9_]} for anything else a test creates.
     */
    public String uniqueName(String hint) {
        return names.next(hint);
    }

    /** The directory holding every service's data and logs. */
    public Path directory() {
        return directory;
    }

    /**
     * Pids of every running service process, for checks that {@link #close()} leaves none behind.
     */
    public synchronized List<Long> processTrees() {
        List<Long> pids = new ArrayList<>();
        if (mariaDb != null) pids.addAll(mariaDb.processTree());
        if (kafka != null) pids.addAll(kafka.processTree());
        if (s3 != null) pids.addAll(s3.processTree());
        if (postgres != null) pids.addAll(postgres.processTree());
        return pids;
    }

    /** Stops every started service, then deletes the directory. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        List<RuntimeException> failures = new ArrayList<>();
        for (AutoCloseable service : new AutoCloseable[] {redshift, kafka, s3, postgres, mariaDb}) {
            if (service != null) {
                try {
                    service.close();
                } catch (Exception e) {
                    failures.add(new IllegalStateException("cannot stop " + service, e));
                }
            }
        }
        try {
            Directories.deleteRecursively(directory);
        } catch (RuntimeException e) {
            failures.add(e);
        }
        OrphanReaper.cancel(directoryReaper);
        removeShutdownHook();
        LOG.info("Local stack stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this close() runs from the hook itself.
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the local stack in " + directory + " is closed");
        }
    }
}
