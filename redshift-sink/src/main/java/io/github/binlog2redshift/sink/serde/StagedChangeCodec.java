package io.github.binlog2redshift.sink.serde;

import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.serde.ChangeEventParseException;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Version 1 layout of a {@link StagedChange}: target schema, target name, then the event as the
 * project's own change-event JSON ({@link ChangeEventJson}), which is documented, lossless for the
 * value forms of {@code docs/event-format.md}, and readable by anyone debugging a channel dump.
 */
public final class StagedChangeCodec implements RecordCodec<StagedChange> {

    private static final long serialVersionUID = 1L;

    public static TypeInformation<StagedChange> typeInfo() {
        return new CodecTypeInfo<>(new StagedChangeCodec());
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Class<StagedChange> type() {
        return StagedChange.class;
    }

    @Override
    public void write(StagedChange value, DataOutputView out) throws IOException {
        BinaryFields.writeString(value.target().schema(), out);
        BinaryFields.writeString(value.target().name(), out);
        BinaryFields.writeBytes(ChangeEventJson.toBytes(value.event()), out);
    }

    @Override
    public StagedChange read(int version, DataInputView in) throws IOException {
        TargetTable target =
                new TargetTable(BinaryFields.readString(in), BinaryFields.readString(in));
        byte[] json = BinaryFields.readBytes(in);
        try {
            return new StagedChange(target, DebeziumJsonReader.read(json));
        } catch (ChangeEventParseException e) {
            throw new IOException("corrupt staged change for " + target, e);
        }
    }
}
