package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.binlog2redshift.standalone.PackagedJob;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the shaded job jars the way a Flink cluster will see them: Flink, Hadoop and logging come
 * from the cluster; Kafka, the MSK IAM login module and the connectors come from the jar, once;
 * every class the jar holds runs on Java 11.
 */
class JobJarTest {

    private static final Map<PackagedJob, JarContents> JARS = new EnumMap<>(PackagedJob.class);

    private static JarContents jar(PackagedJob job) {
        return JARS.computeIfAbsent(job, j -> JarContents.read(j.jar()));
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void manifestNamesTheMainClass(PackagedJob job) {
        // The attribute, not the class: the class lands with the job module (see
        // mainClassIsBundled).
        assertThat(jar(job).manifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS))
                .isEqualTo(job.mainClass);
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void mainClassIsBundled(PackagedJob job) {
        assumeTrue(
                jobModuleHasMainClass(job),
                job.jobModule + " has no " + job.mainClass + " yet; only the manifest is checked");
        assertThat(jar(job).hasClass(job.mainClass)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void flinkItselfIsProvided(PackagedJob job) {
        JarContents jar = jar(job);
        assertThat(
                        jar.hasClass(
                                "org.apache.flink.streaming.api.environment.StreamExecutionEnvironment"))
                .isFalse();
        // flink-connector-files (bundled in the sink jar) carries the legacy StreamingFileSink
        // here.
        assertThat(jar.entriesStartingWith("org/apache/flink/streaming/api/"))
                .allMatch(
                        e ->
                                e.startsWith(
                                                "org/apache/flink/streaming/api/functions/sink/filesystem/")
                                        || e.endsWith("/"));
        for (String provided :
                List.of(
                        "org/apache/flink/runtime/",
                        "org/apache/flink/client/",
                        "org/apache/flink/api/common/",
                        "org/apache/flink/contrib/streaming/state/",
                        "org/rocksdb/")) {
            assertThat(jar.entriesStartingWith(provided)).as(provided).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void s3FileSystemIsAPluginNotBundled(PackagedJob job) {
        JarContents jar = jar(job);
        assertThat(jar.entriesStartingWith("org/apache/hadoop/")).isEmpty();
        assertThat(jar.entriesStartingWith("org/apache/flink/fs/")).isEmpty();
        assertThat(jar.entriesStartingWith("com/amazonaws/services/s3/")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void exactlyOneKafkaClient(PackagedJob job) {
        JarContents jar = jar(job);
        // Relocated copies (the CDC jar's private Kafka Connect/clients) cannot clash; others
        // would.
        assertThat(jar.entriesEndingWith("org/apache/kafka/clients/producer/KafkaProducer.class"))
                .filteredOn(e -> !e.startsWith("org/apache/flink/cdc/connectors/shaded/"))
                .containsExactly("org/apache/kafka/clients/producer/KafkaProducer.class");
        assertThat(jar.entriesEndingWith("kafka/kafka-version.properties")).hasSize(1);
        assertThat(jar.hasClass("org.apache.flink.connector.kafka.sink.KafkaSink")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void mskIamAuthIsBundledUnrelocated(PackagedJob job) {
        // Unrelocated because kafka.properties.sasl.* name these classes as strings.
        JarContents jar = jar(job);
        assertThat(jar.hasClass("software.amazon.msk.auth.iam.IAMLoginModule")).isTrue();
        assertThat(jar.hasClass("software.amazon.msk.auth.iam.IAMClientCallbackHandler")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void noLoggingBindingAndNoSignatures(PackagedJob job) {
        JarContents jar = jar(job);
        assertThat(jar.entriesStartingWith("org/slf4j/")).isEmpty();
        assertThat(jar.entriesStartingWith("org/apache/logging/log4j/")).isEmpty();
        assertThat(jar.entriesStartingWith("ch/qos/logback/")).isEmpty();
        assertThat(jar.entries())
                .noneMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
                .noneMatch(e -> e.endsWith("module-info.class"));
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void jacksonIsRelocated(PackagedJob job) {
        JarContents jar = jar(job);
        assertThat(jar.entriesStartingWith("com/fasterxml/jackson/")).isEmpty();
        assertThat(
                        jar.hasClass(
                                "io.github.binlog2redshift.shaded.com.fasterxml.jackson.databind.ObjectMapper"))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void everyServiceProviderIsInTheJar(PackagedJob job) {
        JarContents jar = jar(job);
        jar.services()
                .forEach(
                        (service, providers) ->
                                assertThat(providers)
                                        .as("META-INF/services/" + service)
                                        .allMatch(jar::hasClass));
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void everyClassRunsOnJava11(PackagedJob job) {
        // Managed Service for Apache Flink's 1.x runtimes run Java 11 (class file version 55).
        JarContents jar = jar(job);
        assertThat(jar.classVersions()).isNotEmpty();
        assertThat(jar.classesNewerThanJava(11))
                .as("classes in %s newer than Java 11 (entry=major version)", job.jar())
                .isEmpty();
    }

    @Test
    void classesNewerThanJava11AreFoundUnlessOnlyANewerJvmLoadsThem(@TempDir Path dir)
            throws IOException {
        Path jar = dir.resolve("mixed.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            putClass(out, "a/Java8.class", 52);
            putClass(out, "a/Java11.class", 55);
            putClass(out, "a/Java17.class", 61);
            putClass(out, "META-INF/versions/9/a/Java17.class", 61);
            putClass(out, "META-INF/versions/11/a/Java17.class", 61);
            putClass(out, "META-INF/versions/17/a/Java17.class", 61);
            putClass(out, "META-INF/versions/21/a/Java21.class", 65);
        }
        JarContents contents = JarContents.read(jar);
        assertThat(contents.classVersions()).containsEntry("a/Java8.class", 52).hasSize(7);
        assertThat(contents.classesNewerThanJava(11))
                .containsOnly(
                        entry("a/Java17.class", 61),
                        entry("META-INF/versions/9/a/Java17.class", 61),
                        entry("META-INF/versions/11/a/Java17.class", 61));
    }

    /** A class file header: magic, minor version 0, major version; enough for the check. */
    private static void putClass(JarOutputStream out, String name, int major) throws IOException {
        out.putNextEntry(new JarEntry(name));
        DataOutputStream header = new DataOutputStream(out);
        header.writeInt(0xCAFEBABE);
        header.writeShort(0);
        header.writeShort(major);
        header.flush();
        out.closeEntry();
    }

    @Test
    void sourceJarHasTheCdcConnectorAndMySqlDriver() {
        JarContents jar = jar(PackagedJob.CDC_SOURCE);
        assertThat(jar.hasClass("org.apache.flink.cdc.connectors.mysql.source.MySqlSource"))
                .isTrue();
        assertThat(jar.hasClass("com.mysql.cj.jdbc.Driver")).isTrue();
    }

    @Test
    void sinkJarHasBothJdbcDriversAndTheFileSink() {
        JarContents jar = jar(PackagedJob.REDSHIFT_SINK);
        assertThat(jar.hasClass("com.amazon.redshift.Driver")).isTrue();
        assertThat(jar.hasClass("org.postgresql.Driver")).isTrue();
        assertThat(jar.hasClass("org.apache.flink.connector.file.sink.FileSink")).isTrue();
        assertThat(
                        jar.hasClass(
                                "software.amazon.awssdk.services.secretsmanager.SecretsManagerClient"))
                .isTrue();
    }

    /** Whether the job module has compiled its main class yet (it may not exist on this branch). */
    private static boolean jobModuleHasMainClass(PackagedJob job) {
        Path classes =
                DeployDir.root()
                        .resolve("../" + job.jobModule + "/target/classes")
                        .resolve(job.mainClass.replace('.', '/') + ".class");
        return Files.isRegularFile(classes);
    }
}
