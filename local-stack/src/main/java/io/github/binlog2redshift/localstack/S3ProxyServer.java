package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import io.github.binlog2redshift.localstack.internal.RuntimeClasspath;
import io.github.binlog2redshift.localstack.internal.S3Clients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible endpoint on 127.0.0.1: S3Proxy with its filesystem backend, run as a child JVM
 * with the classpath resolved by {@code local-stack-runtime}, with one bucket created before it
 * starts.
 *
 * <p>Requests must be signed (AWS signature v2 or v4) with {@link #ACCESS_KEY} and {@link
 * #SECRET_KEY}, as with real S3, so a client that forgets its credentials fails here too. Use
 * path-style access. The Flink settings for it come from {@link FlinkS3Plugin}.
 */
public final class S3ProxyServer implements AutoCloseable {
    /** The access key S3Proxy accepts. Not a secret: the server only listens on loopback. */
    public static final String ACCESS_KEY = "b2r-local-access-key";

    /** The secret key S3Proxy accepts. */
    public static final String SECRET_KEY = "b2r-local-secret-key";

    /** The region clients should sign for; S3Proxy accepts any. */
    public static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private ChildProcess process;
    private final int port;
    private final String bucket;

    private S3ProxyServer(ChildProcess process, int port, String bucket) {
        this.process = process;
        this.port = port;
        this.bucket = bucket;
    }

    /**
     * Starts S3Proxy storing objects under {@code directory}, with bucket {@code bucket} created.
     */
    public static S3ProxyServer start(Path directory, String bucket) {
        String classpath = RuntimeClasspath.classpath("s3proxy");
        long started = System.nanoTime();
        S3ProxyServer server =
                FreePorts.retryOnBindConflict(
                        attempt ->
                                start(classpath, directory.resolve("attempt-" + attempt), bucket));
        LOG.info(
                "S3Proxy started on {} in {} ms",
                server.endpoint(),
                (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static S3ProxyServer start(String classpath, Path dir, String bucket) {
        Path data = dir.resolve("data");
        // With the filesystem backend a bucket is a directory: no signed PUT needed to create it.
        Directories.create(data.resolve(bucket));
        int port = FreePorts.pick();
        Path properties = dir.resolve("s3proxy.conf");
        Path logback = dir.resolve("logback.xml");
        write(
                properties,
                String.join(
                        "\n",
                        "s3proxy.endpoint=http://127.0.0.1:" + port,
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + ACCESS_KEY,
                        "s3proxy.credential=" + SECRET_KEY,
                        "jclouds.provider=filesystem",
                        "jclouds.filesystem.basedir=" + data,
                        ""));
        // S3Proxy logs every request; keep warnings only, in our log file.
        write(
                logback,
                "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
                        + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%logger{20}] %msg%n</pattern>"
                        + "</encoder></appender><root level=\"WARN\"><appender-ref ref=\"out\"/></root>"
                        + "</configuration>\n");
        List<String> command = new ArrayList<>();
        command.add(Executables.javaLauncher().toString());
        command.addAll(
                List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dlogback.configurationFile=" + logback);
        command.addAll(List.of("-cp", classpath, "org.gaul.s3proxy.Main"));
        command.addAll(List.of("--properties", properties.toString()));
        ChildProcess process =
                ChildProcess.start("s3proxy", command, dir, dir.resolve("s3proxy.log"), List.of());
        S3ProxyServer server = new S3ProxyServer(process, port, bucket);
        try {
            // Any HTTP answer (403 for an unsigned request) means Jetty and the S3 handler are up.
            process.awaitReady(STARTUP, server::answers);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    /**
     * {@code http://127.0.0.1:<port>}, for {@code s3.endpoint} and S3 clients (path-style access).
     */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The bucket created at startup. */
    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return ACCESS_KEY;
    }

    public String secretKey() {
        return SECRET_KEY;
    }

    private boolean answers() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create(endpoint()))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
    }

    /** A client of this server with its keys; the caller closes it. */
    public S3Client newClient() {
        return S3Clients.forEndpoint(URI.create(endpoint()), ACCESS_KEY, SECRET_KEY);
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
        process = process.restarted(STARTUP, this::answers);
    }

    /**
     * The server process and its descendants; for checks that nothing outlives {@link #close()}.
     */
    public synchronized List<Long> processTree() {
        return process.processTree();
    }

    @Override
    public synchronized void close() {
        process.close();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
