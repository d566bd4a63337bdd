package io.github.binlog2redshift.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.sink.Fixtures;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input is rejected with its reason, never with another exception. */
class RejectedInputTest {

    @ParameterizedTest
    @CsvSource({
        "AUTO, bad/not-json.txt, NOT_JSON",
        "AUTO, bad/not-object.json, UNRECOGNIZED_FORMAT",
        "AUTO, bad/unrecognized.json, UNRECOGNIZED_FORMAT",
        "AUTO, bad/no-op.json, MISSING_OP",
        "AUTO, bad/unknown-op.json, UNKNOWN_OP",
        "AUTO, bad/no-table.json, MISSING_TABLE",
        "AUTO, bad/delete-without-before.json, MISSING_IMAGE",
        "AUTO, bad/dms-unknown-op.json, UNKNOWN_OP",
        "AUTO, bad/dms-no-table.json, MISSING_TABLE",
        "AUTO, bad/canal-no-data.json, MISSING_IMAGE",
        "AUTO, bad/canal-unknown-type.json, UNKNOWN_OP",
        "AUTO, bad/canal-bad-number.json, INVALID_VALUE",
        "DMS, debezium/ours-update.json, UNRECOGNIZED_FORMAT",
        "DEBEZIUM, dms/insert.json, MISSING_OP",
        "CANAL, debezium/ours-update.json, MISSING_OP"
    })
    void rejectsWithTheReason(InputFormat format, String fixture, RejectReason reason) {
        ChangeDecoder decoder = new ChangeDecoder(format);
        assertThatThrownBy(() -> decoder.decode(null, Fixtures.bytes(fixture)))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @ParameterizedTest
    @CsvSource({"''", "' '", "'{}'", "'[1,2]'", "'{\"a\":1} trailing'"})
    void rejectsEmptyAndOddValues(String value) {
        ChangeDecoder decoder = new ChangeDecoder(InputFormat.AUTO);
        assertThatThrownBy(() -> decoder.decode(null, value.getBytes()))
                .isInstanceOf(RejectedRecordException.class);
    }

    private static final String PAYLOAD =
            "{\"op\":\"c\",\"source\":{\"db\":\"d\",\"table\":\"t\"},\"after\":{\"id\":1}}";

    /**
     * The envelope's schema is skipped, not parsed into nodes; broken JSON inside it, a truncated
     * record and content after the envelope are still not JSON.
     */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"schema\":{\"a\":[1,}},\"payload\":PAYLOAD}",
                "{\"schema\":{\"a\":[1]},\"payload\":PAYLOAD",
                "{\"schema\":{\"a\":[1]},\"payload\":PAYLOAD} {}",
                "{\"schema\":{\"a\":[1]}"
            })
    void rejectsBrokenEnvelopesAsNotJson(String template) {
        ChangeDecoder decoder = new ChangeDecoder(InputFormat.AUTO);
        byte[] value = template.replace("PAYLOAD", PAYLOAD).getBytes();
        assertThatThrownBy(() -> decoder.decode(null, value))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RejectReason.NOT_JSON));
    }

    @Test
    void readsTheSameEventWithAndWithoutTheSchemaEnvelope() {
        ChangeDecoder decoder = new ChangeDecoder(InputFormat.AUTO);
        String enveloped =
                "{\"schema\":{\"type\":\"struct\",\"fields\":[{\"a\":[1]}]},\"payload\":"
                        + PAYLOAD
                        + "}";
        assertThat(decoder.decode(null, enveloped.getBytes()))
                .isEqualTo(decoder.decode(null, PAYLOAD.getBytes()));
    }
}
