package io.github.binlog2redshift.sink.serde;

import io.github.binlog2redshift.serde.ChangeEventParseException;
import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The layout of a {@link StagedChange}. Version 4: target schema, target name, then the event in
 * {@link ChangeEventBinary}'s layout. Version 3, still read, lacked the event's partial-image flag
 * (read as full). Version 2, still read (a codec reads every older version), lacked the position's
 * epoch (read as 0). Version 1 had the event as the project's own change-event JSON ({@link
 * io.github.binlog2redshift.serde.ChangeEventJson}, a length-prefixed byte array) instead.
 */
public final class StagedChangeCodec implements RecordCodec<StagedChange> {

    private static final long serialVersionUID = 1L;

    public static TypeInformation<StagedChange> typeInfo() {
        return new CodecTypeInfo<>(new StagedChangeCodec());
    }

    @Override
    public int version() {
        return 4;
    }

    @Override
    public Class<StagedChange> type() {
        return StagedChange.class;
    }

    @Override
    public void write(StagedChange value, DataOutputView out) throws IOException {
        BinaryFields.writeString(value.target().schema(), out);
        BinaryFields.writeString(value.target().name(), out);
        ChangeEventBinary.write(value.event(), out);
    }

    @Override
    public StagedChange read(int version, DataInputView in) throws IOException {
        TargetTable target =
                new TargetTable(BinaryFields.readString(in), BinaryFields.readString(in));
        try {
            return new StagedChange(
                    target,
                    version >= 4
                            ? ChangeEventBinary.read(in)
                            : version == 3
                                    ? ChangeEventBinary.readWithoutPartialFlag(in)
                                    : version == 2
                                            ? ChangeEventBinary.readWithoutEpoch(in)
                                            : DebeziumJsonReader.read(BinaryFields.readBytes(in)));
        } catch (IOException | ChangeEventParseException e) {
            throw new IOException("corrupt staged change for " + target, e);
        }
    }
}
