package io.github.binlog2redshift.localstack;

import io.github.binlog2redshift.localstack.internal.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.PluginDescriptor;
import org.apache.flink.core.plugin.PluginManager;

/**
 * Points Flink's {@code s3://} file system ({@code flink-s3-fs-hadoop}) at a {@link S3ProxyServer}.
 *
 * <p>The S3 file system bundles Hadoop, AWS SDK v1 and an old unrelocated Guava, so it is loaded as
 * a Flink plugin in its own class loader, straight from the jar that {@code local-stack-runtime}
 * resolved, and never sits on the test classpath. A MiniCluster never calls {@link
 * FileSystem#initialize(Configuration, PluginManager)} itself, so {@link
 * #initialize(S3ProxyServer)} must run before a job touches {@code s3://}. The file system registry
 * is static: the last call in a JVM wins.
 */
public final class FlinkS3Plugin {
    private static String initializedEndpoint;

    private FlinkS3Plugin() {}

    /**
     * The {@code s3.*} settings for {@code server}; pass them to the job's or MiniCluster's config
     * too.
     */
    public static Configuration configuration(S3ProxyServer server) {
        Configuration conf = new Configuration();
        conf.setString("s3.endpoint", server.endpoint());
        conf.setString("s3.path.style.access", "true");
        conf.setString("s3.access-key", server.accessKey());
        conf.setString("s3.secret-key", server.secretKey());
        // The default provider chain would probe the cloud metadata address and stall.
        conf.setString(
                "s3.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        // Without it S3A deletes directory markers in bulk, which S3Proxy's filesystem backend
        // rejects and
        // S3A then retries for minutes.
        conf.setString("s3.directory.marker.retention", "keep");
        conf.setString("s3.endpoint.region", S3ProxyServer.REGION);
        return conf;
    }

    /**
     * Registers the S3 plugin with {@link #configuration(S3ProxyServer)} as Flink's {@code s3://}
     * file system for this JVM and returns that configuration.
     */
    public static synchronized Configuration initialize(S3ProxyServer server) {
        Configuration conf = configuration(server);
        if (server.endpoint().equals(initializedEndpoint)) {
            return conf;
        }
        // The AWS SDK v1 inside the plugin prints a deprecation banner otherwise.
        System.setProperty("aws.java.v1.disableDeprecationAnnouncement", "true");
        List<Path> jars = RuntimeClasspath.jars("flink-s3-fs-hadoop");
        URL[] urls = jars.stream().map(FlinkS3Plugin::toUrl).toArray(URL[]::new);
        PluginManager plugins =
                new DefaultPluginManager(
                        List.of(new PluginDescriptor("s3-fs-hadoop", urls, new String[0])),
                        CoreOptions.getPluginParentFirstLoaderPatterns(conf));
        FileSystem.initialize(conf, plugins);
        initializedEndpoint = server.endpoint();
        return conf;
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException("bad jar path " + jar, e));
        }
    }
}
