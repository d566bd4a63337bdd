package io.github.binlog2redshift.bench.workload;

/**
 * The row shape of the sink workloads (sysbench-like), with values derived from key and version so
 * a before image can be rebuilt without keeping rows in memory.
 */
public final class SinkRows {

    static final String C = "c".repeat(100);
    static final String PAD = "p".repeat(50);

    private SinkRows() {}

    /** JSON object text of the row {@code id} at {@code version}. */
    public static String json(long id, long version) {
        return "{\"id\":"
                + id
                + ",\"k\":"
                + k(id, version)
                + ",\"c\":\""
                + C
                + id
                + "\",\"pad\":\""
                + PAD
                + id
                + "\",\"v\":"
                + version
                + "}";
    }

    /** CSV line of the same row (COPY reference). */
    public static String csv(long id, long version) {
        return id + "," + k(id, version) + "," + C + id + "," + PAD + id + "," + version + "\n";
    }

    static long k(long id, long version) {
        return (id + version) % 1000;
    }

    /** The PostgreSQL table both the COPY reference and a pre-created target use. */
    public static String createTable(String name) {
        return "CREATE TABLE "
                + name
                + " (id BIGINT PRIMARY KEY, k INT NOT NULL, c VARCHAR(120) NOT NULL,"
                + " pad VARCHAR(60) NOT NULL, v BIGINT NOT NULL)";
    }
}
