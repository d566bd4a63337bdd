package io.github.binlog2redshift.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Kafka client settings both systems get, so neither wins by its client defaults: our jobs take
 * them as {@code kafka.properties.*}, the peer's connectors as Connect's {@code
 * producer.override.*} and {@code consumer.override.*} (benchmarks/README.md gives the reason for
 * each).
 */
public final class KafkaClients {

    private KafkaClients() {}

    /**
     * Producer settings of a change-data source: 512 KiB batches filled for up to 5 ms, idempotent
     * with acks=all (per-key order survives retries) and the 5 in-flight requests idempotence
     * allows.
     */
    public static Map<String, String> producer() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("batch.size", "524288");
        p.put("linger.ms", "5");
        p.put("enable.idempotence", "true");
        p.put("acks", "all");
        p.put("max.in.flight.requests.per.connection", "5");
        return p;
    }

    /**
     * Consumer settings of a sink: 5,000 records a poll (the peer's batch.size), and fetches of up
     * to 4 MiB a partition and 64 MiB a request instead of 1 MiB and 50 MiB, so a catch-up is not
     * paced by fetch round trips.
     */
    public static Map<String, String> consumer() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("max.poll.records", "5000");
        c.put("max.partition.fetch.bytes", "4194304");
        c.put("fetch.max.bytes", "67108864");
        return c;
    }

    /** {@code settings} with every key prefixed, e.g. {@code kafka.properties.}. */
    public static Map<String, String> prefixed(String prefix, Map<String, String> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(prefix + k, v));
        return out;
    }
}
