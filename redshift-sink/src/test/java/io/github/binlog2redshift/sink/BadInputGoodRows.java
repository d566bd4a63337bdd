package io.github.binlog2redshift.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The good rows {@link BadInputCorpusITCase} puts between the corpus cases: plain, valid changes of
 * four tables, one per format ({@code good.orders} in our format, {@code good.dms_items} DMS,
 * {@code good.canal_users} Canal, {@code good.dbz_events} plain Debezium), each a row {@code id},
 * {@code note}. The topic is the caller's.
 */
final class BadInputGoodRows {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BadInputGoodRows() {}

    static ProducerRecord<byte[], byte[]> order(int id, String note, long pos) {
        return record(null, ours("c", null, orderRow(id, note), pos));
    }

    static ProducerRecord<byte[], byte[]> orderUpdate(int id, String note, long pos) {
        return record(null, ours("u", orderRow(id, "before"), orderRow(id, note), pos));
    }

    static ProducerRecord<byte[], byte[]> orderDelete(int id, long pos) {
        return record(null, ours("d", orderRow(id, "gone"), null, pos));
    }

    private static String orderRow(int id, String note) {
        return "{\"id\":" + id + ",\"note\":" + quote(note) + "}";
    }

    private static String ours(String op, String before, String after, long pos) {
        return "{\"before\":"
                + before
                + ",\"after\":"
                + after
                + ",\"source\":{\"version\":\"binlog2redshift-1\",\"connector\":\"mysql\","
                + "\"name\":\"binlog2redshift\",\"ts_ms\":1700000000000,\"snapshot\":\"false\","
                + "\"db\":\"good\",\"table\":\"orders\",\"server_id\":7,\"gtid\":null,"
                + "\"file\":\"mysql-bin.000005\",\"pos\":"
                + pos
                + ",\"row\":0},\"op\":\""
                + op
                + "\",\"ts_ms\":1700000000100,\"transaction\":null,\"pk\":[\"id\"],"
                + "\"columns\":[{\"name\":\"id\",\"type\":\"INT\",\"length\":null,"
                + "\"scale\":null,\"nullable\":false},{\"name\":\"note\",\"type\":\"VARCHAR\","
                + "\"length\":64,\"scale\":null,\"nullable\":true}]}";
    }

    static ProducerRecord<byte[], byte[]> dmsItem(int id, String note) {
        return record(
                null,
                "{\"data\":{\"id\":"
                        + id
                        + ",\"note\":"
                        + quote(note)
                        + "},\"metadata\":{\"timestamp\":\"2024-01-31T12:34:56.123456Z\","
                        + "\"record-type\":\"data\",\"operation\":\"insert\","
                        + "\"partition-key-type\":\"schema-table\",\"schema-name\":\"good\","
                        + "\"table-name\":\"dms_items\",\"transaction-id\":"
                        + id
                        + "}}");
    }

    static ProducerRecord<byte[], byte[]> canalUser(int id, String note, long pos) {
        return record(
                null,
                "{\"data\":[{\"id\":\""
                        + id
                        + "\",\"note\":"
                        + quote(note)
                        + "}],\"database\":\"good\",\"es\":"
                        + (1706704496000L + pos)
                        + ",\"id\":"
                        + pos
                        + ",\"isDdl\":false,\"mysqlType\":{\"id\":\"int(11)\","
                        + "\"note\":\"varchar(64)\"},\"old\":null,\"pkNames\":[\"id\"],"
                        + "\"sql\":\"\",\"table\":\"canal_users\",\"ts\":"
                        + (1706704496100L + pos)
                        + ",\"type\":\"INSERT\"}");
    }

    static ProducerRecord<byte[], byte[]> debeziumEvent(int id, String note, long pos) {
        return record(
                "{\"id\":" + id + "}",
                "{\"before\":null,\"after\":{\"id\":"
                        + id
                        + ",\"note\":"
                        + quote(note)
                        + "},\"source\":{\"version\":\"2.5.4.Final\",\"connector\":\"mysql\","
                        + "\"name\":\"dbserver1\",\"ts_ms\":1700000000000,\"snapshot\":\"false\","
                        + "\"db\":\"good\",\"table\":\"dbz_events\",\"server_id\":223344,"
                        + "\"gtid\":null,\"file\":\"mysql-bin.000004\",\"pos\":"
                        + pos
                        + ",\"row\":0},\"op\":\"c\",\"ts_ms\":1700000000100,"
                        + "\"transaction\":null}");
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProducerRecord<byte[], byte[]> record(String key, String value) {
        return new ProducerRecord<>(
                "unused",
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }
}
