package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.localstack.internal.RuntimeClasspath;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.PluginDescriptor;

/**
 * Registers Flink's {@code s3://} file system for a real S3 (the user's {@code sink.staging.path}),
 * configured by the {@code flink.s3.*} keys of the properties file, or by the AWS default
 * credential chain when there are none. Like the local stack's {@code FlinkS3Plugin}, the file
 * system is loaded as a plugin from its own jar, because its bundled Hadoop and Guava must not meet
 * this JVM's classpath.
 */
final class S3Plugin {

    private S3Plugin() {}

    static void initialize(Configuration conf) {
        System.setProperty("aws.java.v1.disableDeprecationAnnouncement", "true");
        URL[] urls =
                RuntimeClasspath.jars("flink-s3-fs-hadoop").stream()
                        .map(S3Plugin::toUrl)
                        .toArray(URL[]::new);
        FileSystem.initialize(
                conf,
                new DefaultPluginManager(
                        List.of(new PluginDescriptor("s3-fs-hadoop", urls, new String[0])),
                        CoreOptions.getPluginParentFirstLoaderPatterns(conf)));
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("bad jar path " + jar, e);
        }
    }
}
