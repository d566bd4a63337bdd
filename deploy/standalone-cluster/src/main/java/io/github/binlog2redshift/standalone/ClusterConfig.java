package io.github.binlog2redshift.standalone;

import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.internal.FreePorts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code config.yaml} entries of a standalone cluster on the local stack: loopback only, small
 * memory, RocksDB, checkpoints and savepoints under an S3 prefix of the local S3Proxy.
 */
public final class ClusterConfig {

    private ClusterConfig() {}

    /**
     * @param server the local S3 endpoint both Flink processes reach through the s3 plugin
     * @param s3 where {@code checkpoints/} and {@code savepoints/} go
     * @param restPort the REST port ({@link FlinkRest}, the flink client)
     * @param slots the TaskManager's slots
     */
    public static Map<String, String> onLocalStack(
            S3ProxyServer server, S3Location s3, int restPort, int slots) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("jobmanager.rpc.address", "localhost");
        m.put("jobmanager.rpc.port", Integer.toString(FreePorts.pick()));
        m.put("jobmanager.bind-host", "localhost");
        m.put("taskmanager.bind-host", "localhost");
        m.put("taskmanager.host", "localhost");
        m.put("rest.address", "localhost");
        m.put("rest.bind-address", "localhost");
        m.put("rest.port", Integer.toString(restPort));
        m.put("jobmanager.memory.process.size", "768m");
        m.put("taskmanager.memory.process.size", "1536m");
        m.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        m.put("parallelism.default", "1");
        m.put("state.backend.type", "rocksdb");
        m.put("state.checkpoints.dir", s3.uri("checkpoints/"));
        m.put("state.savepoints.dir", s3.uri("savepoints/"));
        m.put("env.java.opts.all", String.join(" ", FlinkHome.JAVA_17_OPTS));
        m.put("s3.endpoint", server.endpoint());
        m.put("s3.endpoint.region", S3ProxyServer.REGION);
        m.put("s3.path.style.access", "true");
        m.put("s3.access-key", server.accessKey());
        m.put("s3.secret-key", server.secretKey());
        // The default provider chain would probe the cloud metadata address and stall.
        m.put(
                "s3.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        // S3Proxy's filesystem backend rejects S3A's bulk delete of directory markers.
        m.put("s3.directory.marker.retention", "keep");
        return m;
    }
}
