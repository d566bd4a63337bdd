package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import io.github.binlog2redshift.localstack.internal.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka 3.9 broker in KRaft mode (broker and controller in one process) on 127.0.0.1,
 * run as a child JVM with the classpath resolved by {@code local-stack-runtime}.
 *
 * <p>The broker runs in its own JVM because in the test JVM its kafka-clients 3.9 would silently
 * replace the 3.4 client of the Flink Kafka connector. This class talks to it with the caller's
 * kafka-clients (a provided dependency, normally brought by {@code flink-connector-kafka}).
 *
 * <p>Automatic topic creation is off, as on Amazon MSK by default: a job that writes to a topic
 * nobody created fails here as it would there. Create topics with {@link #createTopic(String,
 * int)}. Internal topics use one partition and replication factor 1 so that the first consumer
 * group or transaction starts fast.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private ChildProcess process;
    private final int port;
    private final Admin admin;

    private KafkaBroker(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "b2r-local-stack-" + port);
        this.admin = Admin.create(config);
    }

    /** Formats storage under {@code directory} and starts the broker with the default settings. */
    public static KafkaBroker start(Path directory) {
        return start(directory, Map.of());
    }

    /**
     * Like {@link #start(Path)}, with broker properties that override the defaults (for example
     * {@code auto.create.topics.enable=true} or {@code num.partitions}).
     */
    public static KafkaBroker start(Path directory, Map<String, String> overrides) {
        String classpath = RuntimeClasspath.classpath("kafka");
        long started = System.nanoTime();
        KafkaBroker broker =
                FreePorts.retryOnBindConflict(
                        attempt ->
                                start(
                                        classpath,
                                        directory.resolve("attempt-" + attempt),
                                        overrides));
        LOG.info(
                "Kafka broker started on {} in {} ms",
                broker.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    private static KafkaBroker start(String classpath, Path dir, Map<String, String> overrides) {
        Directories.create(dir);
        int port = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Path properties = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j2.properties");
        write(properties, serverProperties(dir, port, controllerPort, overrides));
        write(log4j, LOG4J2);

        List<String> format = java(classpath, log4j, "kafka.tools.StorageTool");
        // "--cluster-id=<id>": an id may start with '-' (URL-safe base64), which the tool's
        // argument parser would take for an option after a separate "-t".
        format.addAll(
                List.of("format", "--cluster-id=" + newClusterId(), "-c", properties.toString()));
        ChildProcess.run("kafka-storage-format", format, dir, dir.resolve("format.log"), STARTUP);

        List<String> command = java(classpath, log4j, "kafka.Kafka");
        command.add(properties.toString());
        ChildProcess process =
                ChildProcess.start("kafka", command, dir, dir.resolve("kafka.log"), List.of());
        KafkaBroker broker = null;
        try {
            broker = new KafkaBroker(process, port);
            KafkaBroker ready = broker;
            process.awaitReady(STARTUP, ready::hasMetadata);
            return broker;
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.admin.close(Duration.ZERO);
            }
            process.close();
            throw e;
        }
    }

    private boolean hasMetadata() throws Exception {
        // Probing the port first keeps the admin client from logging a warning per refused
        // connection.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException e) {
            return false;
        }
        return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
    }

    /** Creates {@code topic} with {@code partitions} partitions and waits until it exists. */
    public void createTopic(String topic, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create topic " + topic + " on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + topic, e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
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
        process = process.restarted(STARTUP, this::hasMetadata);
    }

    /**
     * The broker process and its descendants; for checks that nothing outlives {@link #close()}.
     */
    public synchronized List<Long> processTree() {
        return process.processTree();
    }

    /** Closes the admin client and stops the broker (SIGTERM, a controlled shutdown). */
    @Override
    public synchronized void close() {
        admin.close(Duration.ofSeconds(5));
        process.close();
    }

    private static Map<String, String> serverProperties(
            Path dir, int port, int controllerPort, Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dir.resolve("data").toString());
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.putAll(overrides);
        return p;
    }

    private static List<String> java(String classpath, Path log4j, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(Executables.javaLauncher().toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC"));
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j.toUri());
        command.addAll(List.of("-cp", classpath, mainClass));
        return command;
    }

    /** A random cluster id in Kafka's format: a UUID as 22 characters of URL-safe base64. */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        write(file, text.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static final String LOG4J2 =
            String.join(
                    "\n",
                    "rootLogger.level=INFO",
                    "rootLogger.appenderRef.out.ref=out",
                    "appender.out.type=Console",
                    "appender.out.name=out",
                    "appender.out.layout.type=PatternLayout",
                    "appender.out.layout.pattern=%d{HH:mm:ss.SSS} %-5p [%c{1}] %m%n",
                    // The state-change and request loggers are chatty at INFO and say little in
                    // tests.
                    "logger.state.name=state.change.logger",
                    "logger.state.level=WARN",
                    "logger.kafka.name=kafka",
                    "logger.kafka.level=WARN",
                    "logger.apache.name=org.apache.kafka",
                    "logger.apache.level=WARN",
                    "logger.server.name=kafka.server.KafkaRaftServer",
                    "logger.server.level=INFO",
                    "");
}
