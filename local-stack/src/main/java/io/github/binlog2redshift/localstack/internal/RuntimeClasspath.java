package io.github.binlog2redshift.localstack.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the classpaths that the {@code local-stack-runtime} module wrote at build time (Kafka
 * broker, S3Proxy, Flink S3 plugin). Those jars are resolved by Maven but kept off this JVM's
 * classpath.
 */
public final class RuntimeClasspath {
    private static final String PREFIX = "io/github/binlog2redshift/localstack/runtime/";

    private RuntimeClasspath() {}

    /** The jars of {@code name} ({@code kafka}, {@code s3proxy}, {@code flink-s3-fs-hadoop}). */
    public static List<Path> jars(String name) {
        String resource = PREFIX + name + ".classpath";
        try (InputStream in =
                RuntimeClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        resource
                                + " is not on the classpath: depend on"
                                + " io.github.binlog2redshift:local-stack-runtime (with an exclusion of *:*)"
                                + " and build it in the same reactor");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            List<Path> jars =
                    Arrays.stream(text.split(java.io.File.pathSeparator))
                            .filter(s -> !s.isBlank())
                            .map(Path::of)
                            .collect(Collectors.toList());
            List<Path> missing = jars.stream().filter(p -> !Files.isRegularFile(p)).toList();
            if (jars.isEmpty() || !missing.isEmpty()) {
                throw new IllegalStateException(
                        resource
                                + " lists missing jars "
                                + missing
                                + "; rebuild local-stack-runtime (./mvnw -pl local-stack-runtime package)");
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The jars of {@code name} joined into a {@code -cp} argument. */
    public static String classpath(String name) {
        return jars(name).stream()
                .map(Path::toString)
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }
}
