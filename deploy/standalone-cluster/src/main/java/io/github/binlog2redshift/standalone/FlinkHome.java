package io.github.binlog2redshift.standalone;

import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.Executables;
import io.github.binlog2redshift.localstack.internal.RuntimeClasspath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Flink 1.20 distribution laid out on disk as {@code bin/flink} and {@code bin/start-cluster.sh}
 * see it: {@code conf/config.yaml} and the Log4j files, {@code plugins/s3-fs-hadoop/}, {@code
 * log/}. Only {@code lib/} is not a folder: flink-dist is not published to Maven, so its jars come
 * from the classpath file that the {@code flink-cluster-runtime} module resolved at build time.
 *
 * <p>Flink 1.20 reads {@code config.yaml} (standard YAML) and falls back to the legacy {@code
 * flink-conf.yaml} only when it is missing; this writes the new file.
 */
public final class FlinkHome {
    private static final String LIB_RESOURCE =
            "io/github/binlog2redshift/deploy/runtime/flink-lib.classpath";

    /**
     * The module flags of the distribution's default {@code env.java.opts.all}: Flink's Kryo and
     * RPC reflect into these JDK packages on Java 17; the start scripts add them to every JVM.
     */
    public static final List<String> JAVA_17_OPTS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private static final String LOG4J =
            String.join(
                    "\n",
                    "rootLogger.level = INFO",
                    "rootLogger.appenderRef.file.ref = MainAppender",
                    "appender.main.name = MainAppender",
                    "appender.main.type = File",
                    "appender.main.append = true",
                    "appender.main.fileName = ${sys:log.file}",
                    "appender.main.layout.type = PatternLayout",
                    "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-40c{1.} - %m%n",
                    // The Kafka clients log every config at INFO, once per reader and writer.
                    "logger.kafka.name = org.apache.kafka",
                    "logger.kafka.level = WARN",
                    "");

    private final Path root;
    private final String libClasspath;

    private FlinkHome(Path root, String libClasspath) {
        this.root = root;
        this.libClasspath = libClasspath;
    }

    /** Lays out conf/, plugins/ and log/ under {@code root} with {@code config} as config.yaml. */
    public static FlinkHome create(Path root, Map<String, String> config) {
        FlinkHome home = new FlinkHome(root, readLibClasspath());
        Directories.create(home.log());
        Directories.create(home.tmp());
        // Blobs, RocksDB, the extracted RPC jar: under root, so close() leaves nothing in /tmp.
        Map<String, String> withTmp = new LinkedHashMap<>(config);
        withTmp.putIfAbsent("io.tmp.dirs", home.tmp().toString());
        write(home.conf().resolve("config.yaml"), yaml(withTmp));
        write(home.conf().resolve("log4j.properties"), LOG4J);
        write(home.conf().resolve("log4j-cli.properties"), LOG4J);
        // As in the distribution: opt/flink-s3-fs-hadoop-*.jar copied into its own plugin folder.
        Path plugin = Directories.create(home.plugins().resolve("s3-fs-hadoop"));
        for (Path jar : RuntimeClasspath.jars("flink-s3-fs-hadoop")) {
            try {
                Files.copy(jar, plugin.resolve(jar.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + jar + " to " + plugin, e);
            }
        }
        return home;
    }

    public Path root() {
        return root;
    }

    public Path conf() {
        return root.resolve("conf");
    }

    public Path plugins() {
        return root.resolve("plugins");
    }

    public Path log() {
        return root.resolve("log");
    }

    private Path tmp() {
        return root.resolve("tmp");
    }

    /** What bin/config.sh exports to every Flink process. */
    public Map<String, String> environment() {
        return Map.of(
                "FLINK_CONF_DIR", conf().toString(),
                "FLINK_PLUGINS_DIR", plugins().toString());
    }

    /**
     * A {@code java} command line for {@code mainClass} on lib/, logging to {@code
     * log/<logName>.log} with {@code log4jFile} from conf/, as the bin/ scripts build it.
     */
    public List<String> java(
            String mainClass, String logName, String log4jFile, List<String> jvmArgs) {
        String log4j = "file:" + conf().resolve(log4jFile);
        List<String> command = new ArrayList<>();
        command.add(Executables.javaLauncher().toString());
        command.addAll(JAVA_17_OPTS);
        command.addAll(jvmArgs);
        command.add("-Dlog.file=" + log().resolve(logName + ".log"));
        command.add("-Dlog4j.configuration=" + log4j);
        command.add("-Dlog4j.configurationFile=" + log4j);
        command.add("-Daws.java.v1.disableDeprecationAnnouncement=true");
        command.add("-Djava.io.tmpdir=" + tmp());
        command.addAll(List.of("-cp", libClasspath, mainClass));
        return command;
    }

    private static String yaml(Map<String, String> config) {
        // Flat keys are valid in config.yaml; single quotes keep URIs and flags plain strings.
        return config.entrySet().stream()
                        .map(e -> e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
                        .collect(Collectors.joining("\n"))
                + "\n";
    }

    private static String readLibClasspath() {
        try (InputStream in = FlinkHome.class.getClassLoader().getResourceAsStream(LIB_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        LIB_RESOURCE + " is missing: build deploy/flink-cluster-runtime first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIB_RESOURCE, e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
