package io.github.binlog2redshift.bench.peer;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker in standalone mode, as a child JVM whose classpath ({@code
 * benchmarks-peer-runtime}) holds Connect alone; Debezium's MariaDB source and JDBC sink are
 * plugins, each in its own directory of {@code plugin.path} with its own class loader, as a
 * Debezium deployment installs them. The worker JVM gets the heap and GC flags this JVM was started
 * with, so neither system wins by memory. Connectors are created and watched through its REST API
 * on loopback. Standalone mode keeps offsets in a local file, so no internal topics are needed.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final String RUNTIME = "io/github/binlog2redshift/bench/runtime/";
    private static final String CLASSPATH = RUNTIME + "connect.classpath";

    /** The connectors installed on {@code plugin.path}, one directory each. */
    static final List<String> PLUGINS =
            List.of("debezium-connector-mariadb", "debezium-connector-jdbc");

    private final ChildProcess process;
    private final URI rest;
    private final String bootstrapServers;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConnectWorker(ChildProcess process, URI rest, String bootstrapServers) {
        this.process = process;
        this.rest = rest;
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker the worker's connectors use. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Starts a worker in {@code dir} against the broker and waits until its REST API answers. */
    public static ConnectWorker start(Path dir, String bootstrapServers) throws IOException {
        Files.createDirectories(dir);
        int port = FreePorts.pick();
        Path worker = dir.resolve("worker.properties");
        Files.writeString(
                worker,
                String.join(
                        "\n",
                        "bootstrap.servers=" + bootstrapServers,
                        "key.converter=org.apache.kafka.connect.json.JsonConverter",
                        "value.converter=org.apache.kafka.connect.json.JsonConverter",
                        "key.converter.schemas.enable=true",
                        "value.converter.schemas.enable=true",
                        "offset.storage.file.filename=" + dir.resolve("offsets"),
                        "offset.flush.interval.ms=1000",
                        "listeners=http://127.0.0.1:" + port,
                        "plugin.path=" + plugins(dir.resolve("plugins")),
                        // both plugins carry ServiceLoader manifests: no class scan of every jar
                        // at start-up (the worker's log suggests it; KIP-898)
                        "plugin.discovery=service_load",
                        // connector-level consumer/producer overrides (max.poll.records, linger.ms)
                        "connector.client.config.override.policy=All",
                        ""));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(
                log4j,
                String.join(
                        "\n",
                        "rootLogger.level=INFO",
                        "rootLogger.appenderRef.out.ref=out",
                        "appender.out.type=Console",
                        "appender.out.name=out",
                        "appender.out.layout.type=PatternLayout",
                        "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                        "logger.kafka.name=org.apache.kafka",
                        "logger.kafka.level=WARN",
                        // which partitions each sink task was given, at every rebalance
                        "logger.coordinator.name="
                                + "org.apache.kafka.clients.consumer.internals.ConsumerCoordinator",
                        "logger.coordinator.level=INFO",
                        "logger.hibernate.name=org.hibernate",
                        "logger.hibernate.level=WARN",
                        ""));
        List<String> command = new ArrayList<>();
        command.add(Executables.javaLauncher().toString());
        command.addAll(jvmFlags());
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.addAll(
                List.of("-cp", classpath(), "org.apache.kafka.connect.cli.ConnectStandalone"));
        command.add(worker.toString());
        ChildProcess child =
                ChildProcess.start(
                        "kafka-connect", command, dir, dir.resolve("connect.log"), List.of());
        ConnectWorker w =
                new ConnectWorker(
                        child, URI.create("http://127.0.0.1:" + port + "/"), bootstrapServers);
        try {
            child.awaitReady(
                    Duration.ofSeconds(120), () -> w.get("connectors").statusCode() == 200);
        } catch (RuntimeException e) {
            child.close();
            throw e;
        }
        return w;
    }

    /** Creates a connector; {@code config} values are strings as Connect expects. */
    public void create(String name, Map<String, String> config)
            throws IOException, InterruptedException {
        String body = Json.object(Map.of("name", name, "config", config));
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(rest.resolve("connectors"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "cannot create connector "
                            + name
                            + ": HTTP "
                            + r.statusCode()
                            + " "
                            + r.body());
        }
    }

    /** Deletes a connector (and stops its tasks). */
    public void delete(String name) throws IOException, InterruptedException {
        http.send(
                HttpRequest.newBuilder(rest.resolve("connectors/" + name)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The connector's status JSON; the caller checks for {@code "FAILED"} (a failed task's trace is
     * in it).
     */
    public String status(String name) throws IOException, InterruptedException {
        return get("connectors/" + name + "/status").body();
    }

    /** Throws with the connector's status (a failed task's trace is in it) when it failed. */
    public void failIfFailed(String name) {
        String s;
        try {
            s = status(name);
        } catch (IOException | InterruptedException e) {
            // The REST call itself failed: the caller's timeout still bounds the wait.
            return;
        }
        if (s.contains("FAILED")) {
            throw new IllegalStateException(
                    "connector "
                            + name
                            + " failed: "
                            + (s.length() > 600 ? s.substring(0, 600) + "..." : s));
        }
    }

    public String logTail() {
        return process.logTail();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(rest.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The heap and GC flags of this JVM ({@code ./bench} sets a fixed, pre-touched heap), for the
     * worker: the MiniCluster of our jobs runs in this JVM, so both systems get the same memory.
     */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Xms") || a.startsWith("-Xmx") || a.startsWith("-XX:")) {
                flags.add(a);
            }
        }
        return flags;
    }

    /**
     * Links each connector's jars into its own directory under {@code root}, the layout Connect's
     * plugin.path expects (https://kafka.apache.org/documentation/#connect_plugindiscovery).
     */
    static Path plugins(Path root) throws IOException {
        for (String plugin : PLUGINS) {
            Path dir = Files.createDirectories(root.resolve(plugin));
            for (String jar : classpath(RUNTIME + plugin + ".classpath").split(":")) {
                Path target = Path.of(jar);
                Files.createSymbolicLink(dir.resolve(target.getFileName()), target);
            }
        }
        return root;
    }

    static String classpath() {
        return classpath(CLASSPATH);
    }

    private static String classpath(String resource) {
        try (InputStream in = ConnectWorker.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource + " is missing: build with ./mvnw -pl benchmarks -am package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Stops the worker (SIGTERM: connectors stop and commit offsets), then its process tree. */
    @Override
    public void close() {
        process.close();
    }
}
